package io.hallwatch.bridge.map;

/** How a vendor timestamp is written; the profile's {@code format:} of a {@code ts} field. */
enum TimeFormat {
    /** Text with an offset (RFC 3339) or without one (local time in the binding's zone); a number is epoch ms. */
    AUTO("auto", "RFC 3339, a local date-time or epoch milliseconds"),
    /** RFC 3339 text with an offset; nothing else. */
    RFC3339("rfc3339", "RFC 3339 with an offset"),
    /** Integer milliseconds since 1970-01-01T00:00Z. */
    EPOCH_MS("epoch-ms", "integer epoch milliseconds"),
    /** Seconds since 1970-01-01T00:00Z, fractions allowed. */
    EPOCH_S("epoch-s", "epoch seconds"),
    /** A local date-time read in the binding's zone (an offset, when the vendor adds one, wins). */
    LOCAL("local", "a local date-time such as 2026-11-23T09:02:11");

    private final String wire;
    private final String description;

    TimeFormat(String wire, String description) {
        this.wire = wire;
        this.description = description;
    }

    String description() {
        return description;
    }

    String wire() {
        return wire;
    }

    static TimeFormat parse(String text) {
        try {
            return Named.find(TimeFormat.class, TimeFormat::wire, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("format " + e.getMessage(), e);
        }
    }
}
