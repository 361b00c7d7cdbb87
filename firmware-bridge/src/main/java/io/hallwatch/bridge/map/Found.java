package io.hallwatch.bridge.map;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/** A value read from a vendor message, with where it came from, for the reasons of refusals. */
record Found(String where, JsonNode value) {

    /** The value as a person reads it in a reason: JSON, cut to a readable length. */
    String shown() {
        // Doubles as written, not in scientific notation (1763859731000.5 rather than 1.7638597310005E12).
        String text = value.isDouble() && Double.isFinite(value.doubleValue())
                ? BigDecimal.valueOf(value.doubleValue()).toPlainString() : value.toString();
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
