package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers in vendor values: JSON numbers, and decimal numbers written as text (a text payload such
 * as ESPHome's {@code 0.43} is always text). Not-a-number words are told apart so that a reason can
 * say "no echo" instead of "not a number". A number written as text is read only when it is short
 * and its exponent small: {@code 1e-99999999} would make every later sum carry a hundred million
 * digits (mapping would stall for seconds) and {@code 1e99999999999} cannot be a BigDecimal at all.
 */
final class Numbers {

    /** Longer than any sensor value; a decimal of this length is still cheap to compute with. */
    static final int MAX_TEXT_LENGTH = 32;
    static final int MAX_EXPONENT = 20;

    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE]([-+]?\\d+))?");
    private static final Pattern NOT_A_NUMBER = Pattern.compile("[-+]?(nan|inf|infinity)");

    private Numbers() {
    }

    /**
     * The value as a decimal number; null when it is neither a JSON number nor a decimal in text. A
     * decimal in text that is too long or has too large an exponent is refused, naming the field.
     */
    static BigDecimal decimal(Found found, String field) {
        JsonNode value = found.value();
        if (value.isNumber()) {
            return Double.isFinite(value.doubleValue()) || value.isBigDecimal() ? value.decimalValue() : null;
        }
        if (!value.isTextual()) {
            return null;
        }
        String text = value.textValue().trim();
        Matcher matcher = DECIMAL.matcher(text);
        if (!matcher.matches()) {
            return null;
        }
        if (text.length() > MAX_TEXT_LENGTH || !smallExponent(matcher.group(1))) {
            throw new Refusal(field + ": " + found.where() + " is " + found.shown() + ", a number the bridge does not"
                    + " read: written as text, a number has at most " + MAX_TEXT_LENGTH + " characters and an exponent"
                    + " from -" + MAX_EXPONENT + " to " + MAX_EXPONENT);
        }
        return new BigDecimal(text);
    }

    private static boolean smallExponent(String exponent) {
        if (exponent == null) {
            return true;
        }
        String digits = exponent.replaceFirst("^[-+]?0*", "");
        return digits.length() <= 2 && (digits.isEmpty() || Integer.parseInt(digits) <= MAX_EXPONENT);
    }

    /**
     * A value as text for comparing and copying: a JSON number in plain notation without trailing
     * zeros, anything else as Jackson writes it. ChirpStack v4 hands a decoder's {@code 1} on as
     * {@code 1.0} (its {@code object} is a protobuf Struct, whose numbers are all doubles), and a value
     * map's key {@code "1"} or a card number must still match.
     */
    static String plain(JsonNode value) {
        boolean finite = value.isNumber() && (value.isBigDecimal() || Double.isFinite(value.doubleValue()));
        return finite ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText();
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
