package io.hallwatch.bridge.contract;

import java.util.Locale;

/** Device kinds of the contract (section 1), as they appear in topics. */
public enum Kind {
    PRESENCE, SIGNAGE, BIN, BADGE;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named in a topic or a file, in any case; an exception naming the allowed kinds otherwise. */
    public static Kind parse(String text) {
        for (Kind kind : values()) {
            if (kind.wire().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown device kind '" + text + "': use presence, signage, bin or badge");
    }
}
