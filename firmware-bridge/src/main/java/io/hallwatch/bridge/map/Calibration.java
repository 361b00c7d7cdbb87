package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * One ultrasonic bin's calibration: the distance from the sensor to the bottom of the empty bin and
 * to the waste when the bin is full, in the sensor's own unit. A distance becomes
 * {@code fill = (empty - d) / (empty - full) * 100}, clamped to 0..100 and rounded to one decimal;
 * the distance itself is kept as the extra field {@code distance}. A distance of 0 is refused as "no
 * echo": ultrasonic sensors report 0 (ESPHome: nan) when nothing reflects, and a bin can never be
 * filled up to the sensor's face.
 */
record Calibration(BigDecimal emptyDistance, BigDecimal fullDistance) {

    static final String EMPTY = "emptyDistance";
    static final String FULL = "fullDistance";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The calibration in a binding's options; an exception naming the missing or impossible option. */
    static Calibration from(Map<String, JsonNode> options) {
        BigDecimal empty = distance(options, EMPTY);
        BigDecimal full = distance(options, FULL);
        if (empty.compareTo(full) <= 0) {
            throw new IllegalArgumentException(EMPTY + " (" + empty.toPlainString() + ") must be greater than " + FULL
                    + " (" + full.toPlainString() + "): " + EMPTY + " is the distance from the sensor to the bottom of"
                    + " the empty bin, " + FULL + " the distance to the waste when the bin is full");
        }
        return new Calibration(empty, full);
    }

    private static BigDecimal distance(Map<String, JsonNode> options, String name) {
        JsonNode value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("option " + name + " is missing: this profile turns a distance into"
                    + " fill and needs " + EMPTY + " and " + FULL + ", in the sensor's unit");
        }
        if (!value.isNumber() || !Double.isFinite(value.doubleValue()) || value.doubleValue() < 0) {
            throw new IllegalArgumentException("option " + name + " must be a number >= 0, not " + value);
        }
        return value.decimalValue().stripTrailingZeros();
    }

    /** Writes {@code fill} and {@code distance} for a vendor distance; a refusal for a distance that is none. */
    void apply(Found found, ObjectNode out) {
        String what = "fill: distance " + found.where() + " is " + found.shown();
        if (Numbers.isNotANumberWord(found.value())) {
            throw new Refusal(what + ": the sensor got no echo");
        }
        BigDecimal distance = Numbers.decimal(found, ContractField.FILL.wire());
        if (distance == null) {
            throw new Refusal(what + ", not a number");
        }
        if (distance.signum() < 0) {
            throw new Refusal(what + ", a negative distance");
        }
        if (distance.signum() == 0) {
            throw new Refusal(what + ": the sensor got no echo (ultrasonic sensors report 0 when nothing reflects)");
        }
        out.put(ContractField.FILL.wire(), fill(distance));
        out.set("distance", Numbers.node(found.value(), distance));
    }

    /**
     * The fill percent for a distance, clamped to 0..100 and rounded half up to one decimal. Decimal
     * arithmetic, so that a distance written 119.95 rounds as a person computes it (binary doubles
     * would make it 0.0499... and round it down).
     */
    double fill(BigDecimal distance) {
        BigDecimal percent = emptyDistance.subtract(distance).multiply(HUNDRED)
                .divide(emptyDistance.subtract(fullDistance), 12, RoundingMode.HALF_UP);
        BigDecimal clamped = percent.max(BigDecimal.ZERO).min(HUNDRED);
        return clamped.setScale(1, RoundingMode.HALF_UP).doubleValue();
    }
}
