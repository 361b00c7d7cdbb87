package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Numbers in vendor values: JSON numbers, and decimal numbers written as text (a text payload such
 * as ESPHome's {@code 0.43} is always text). Not-a-number words are told apart so that a reason can
 * say "no echo" instead of "not a number".
 */
final class Numbers {

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[-+]?(nan|inf|infinity)");

    private Numbers() {
    }

    /** The value as a decimal number; null when it is neither a JSON number nor a decimal in text. */
    static BigDecimal decimal(JsonNode value) {
        if (value.isNumber()) {
            return Double.isFinite(value.doubleValue()) || value.isBigDecimal() ? value.decimalValue() : null;
        }
        if (value.isTextual() && DECIMAL.matcher(value.textValue().trim()).matches()) {
            return new BigDecimal(value.textValue().trim());
        }
        return null;
    }

    /** Whether the value is a text such as {@code nan} or {@code inf} (ESPHome's state without a reading). */
    static boolean isNotANumberWord(JsonNode value) {
        return value.isTextual() && NOT_A_NUMBER.matcher(value.textValue().trim().toLowerCase(Locale.ROOT)).matches();
    }

    /** A JSON number: the vendor's own node when it was one, else an integer or a double node. */
    static JsonNode node(JsonNode original, BigDecimal value) {
        if (original.isNumber()) {
            return original;
        }
        if (isIntegral(value) && value.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
            return LongNode.valueOf(value.longValueExact());
        }
        return DoubleNode.valueOf(value.doubleValue());
    }

    static boolean isIntegral(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
