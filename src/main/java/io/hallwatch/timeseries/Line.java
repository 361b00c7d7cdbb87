package io.hallwatch.timeseries;

import java.time.Instant;
import java.util.Locale;

/**
 * One point in InfluxDB line protocol, built tag by tag and field by field, escaped as the protocol
 * requires (measurement: commas and spaces; tag keys and values: commas, equals signs and spaces;
 * string fields: quotes and backslashes). Tags must be added before fields. The time is in
 * nanoseconds since the epoch.
 */
public final class Line {

    private final StringBuilder tags = new StringBuilder();
    private final StringBuilder fields = new StringBuilder();
    private final String measurement;

    private Line(String measurement) {
        this.measurement = measurement.replace(",", "\\,").replace(" ", "\\ ");
    }

    public static Line of(String measurement) {
        return new Line(measurement);
    }

    /** Adds a tag; a null or empty value leaves the tag out (the protocol has no empty tags). */
    public Line tag(String key, String value) {
        if (value != null && !value.isEmpty()) {
            tags.append(',').append(tagEscape(key)).append('=').append(tagEscape(value));
        }
        return this;
    }

    public Line field(String key, double value) {
        return add(key, Double.isFinite(value) ? Double.toString(value) : null);
    }

    public Line field(String key, long value) {
        return add(key, value + "i");
    }

    public Line field(String key, boolean value) {
        return add(key, value ? "1i" : "0i");
    }

    public Line field(String key, String value) {
        String text = value == null ? "" : value;
        return add(key, '"' + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ") + '"');
    }

    public String at(Instant time) {
        if (fields.length() == 0) {
            throw new IllegalStateException(measurement + ": a point needs at least one field");
        }
        long nanos = Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000_000L), time.getNano());
        return measurement + tags + ' ' + fields + ' ' + nanos;
    }

    private Line add(String key, String value) {
        if (value != null) {
            fields.append(fields.length() == 0 ? "" : ",").append(tagEscape(key)).append('=').append(value);
        }
        return this;
    }

    private static String tagEscape(String text) {
        return text.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=").replace(" ", "\\ ")
                .replace("\n", "\\ ");
    }

    /** Lower-case wire words for tag values from enums. */
    public static String word(Enum<?> value) {
        return value == null ? null : value.name().toLowerCase(Locale.ROOT);
    }
}
