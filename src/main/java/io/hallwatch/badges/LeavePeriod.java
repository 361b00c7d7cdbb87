package io.hallwatch.badges;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * The span of a leave as a manager gives it, in the hall's local time: {@code from} and {@code to} are
 * each a date ({@code yyyy-MM-dd}: from its start, to its end, so whole days with {@code to} inclusive)
 * or a local date-time ({@code yyyy-MM-ddTHH:mm}). The span is [{@code start}, {@code end}), non-empty
 * and at most {@value #MAX_DAYS} days long. Plain Java; {@link #parse} throws
 * {@link IllegalArgumentException} with a message for the client.
 */
public record LeavePeriod(LocalDateTime start, LocalDateTime end, String from, String to, boolean wholeDays) {

    public static final int MAX_DAYS = 366;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm")
            .withResolverStyle(ResolverStyle.STRICT);

    public static LeavePeriod parse(String from, String to) {
        String f = require("from", from);
        String t = require("to", to);
        LocalDateTime start = isDate(f) ? date("from", f).atStartOfDay() : dateTime("from", f);
        LocalDateTime end = isDate(t) ? date("to", t).plusDays(1).atStartOfDay() : dateTime("to", t);
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException(isDate(f) && isDate(t) ? "to (" + t + ") is before from (" + f + ")"
                    : "to (" + t + ") must be after from (" + f + ")");
        }
        if (end.isAfter(start.plusDays(MAX_DAYS))) {
            throw new IllegalArgumentException("a leave may span at most " + MAX_DAYS + " days; record a longer one in parts");
        }
        return new LeavePeriod(start, end, f, t, isDate(f) && isDate(t));
    }

    /** The first date the leave touches. */
    public LocalDate firstDate() {
        return start.toLocalDate();
    }

    /** The last date the leave touches. */
    public LocalDate lastDate() {
        return end.minusNanos(1).toLocalDate();
    }

    private static String require(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(field + " is required: a date yyyy-MM-dd or a local date-time yyyy-MM-ddTHH:mm");
        }
        return value.trim();
    }

    private static boolean isDate(String text) {
        return text.length() == 10;
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw invalid(field, text);
        }
    }

    private static LocalDateTime dateTime(String field, String text) {
        try {
            return LocalDateTime.parse(text, DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid(field, text);
        }
    }

    private static IllegalArgumentException invalid(String field, String text) {
        return new IllegalArgumentException(field + " '" + text
                + "' is neither a date yyyy-MM-dd nor a local date-time yyyy-MM-ddTHH:mm");
    }
}
