package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Converts a vendor value to the contract's type for its field (hallwatch-v1 section 2 and the
 * service's contract notes), after the field's value map; a refusal names the field, where the value
 * came from, the value and what was expected.
 */
final class Conversion {

    /** The service keeps cards and sign codes up to this length. */
    static final int MAX_TEXT = 64;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private Conversion() {
    }

    static JsonNode convert(FieldSpec spec, Found found, ZoneId zone) {
        Found value = spec.mapped(found);
        switch (spec.field().type()) {
            case BOOLEAN:
                return bool(spec, value);
            case WORD:
                return word(spec, value);
            case TEXT:
                return text(spec, value);
            case PERCENT:
                return percent(spec, value);
            case COUNTER:
                return counter(spec, value);
            default:
                return TextNode.valueOf(Timestamps.write(Timestamps.read(value, spec.format(), zone), zone));
        }
    }

    private static JsonNode bool(FieldSpec spec, Found value) {
        JsonNode node = value.value();
        if (node.isBoolean()) {
            return node;
        }
        if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
            return BooleanNode.valueOf(Boolean.parseBoolean(node.textValue().toLowerCase(Locale.ROOT)));
        }
        throw wrong(spec, value, "a boolean");
    }

    private static JsonNode word(FieldSpec spec, Found value) {
        JsonNode node = value.value();
        if (node.isTextual() && spec.field().words().contains(node.textValue().trim())) {
            return TextNode.valueOf(node.textValue().trim());
        }
        throw wrong(spec, value, "one of " + String.join(", ", spec.field().words()));
    }

    private static JsonNode text(FieldSpec spec, Found value) {
        JsonNode node = value.value();
        // A card number a LoRaWAN decoder sends as 4711 may arrive as 4711.0 (ChirpStack): the same card.
        String text = node.isTextual() || node.isNumber() ? Numbers.plain(node).trim() : null;
        if (text == null || text.isEmpty() || text.length() > MAX_TEXT || text.chars().anyMatch(Character::isISOControl)) {
            throw wrong(spec, value, "a text of 1 to " + MAX_TEXT + " characters without control characters");
        }
        return TextNode.valueOf(text);
    }

    private static JsonNode percent(FieldSpec spec, Found value) {
        BigDecimal number = Numbers.decimal(value, spec.field().wire());
        if (number == null || number.signum() < 0 || number.compareTo(HUNDRED) > 0) {
            throw wrong(spec, value, "a number from 0 to 100");
        }
        return Numbers.node(value.value(), number);
    }

    private static JsonNode counter(FieldSpec spec, Found value) {
        BigDecimal number = Numbers.decimal(value, spec.field().wire());
        if (number == null || number.signum() < 0 || !Numbers.isIntegral(number) || number.compareTo(LONG_MAX) > 0) {
            throw wrong(spec, value, "an integer >= 0");
        }
        return LongNode.valueOf(number.longValueExact());
    }

    private static Refusal wrong(FieldSpec spec, Found value, String expected) {
        String hint = spec.valueMap().isEmpty() ? "" : " (the profile maps " + String.join(", ", spec.valueMap().keySet()) + ")";
        return new Refusal(spec.field().wire() + ": " + value.where() + " is " + value.shown() + ", not " + expected + hint);
    }
}
