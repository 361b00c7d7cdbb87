package io.hallwatch.audit;

import io.hallwatch.platform.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The query of {@code GET /api/audit}, checked: {@code from} (inclusive) and {@code to} (exclusive) as
 * RFC 3339 times with an offset, {@code actor}, {@code hall} and {@code target} exact, {@code action} a prefix
 * ({@code user.} finds every user change), {@code outcome} DONE or REFUSED, {@code limit} 1 to
 * {@value #MAX_LIMIT} (default {@value #DEFAULT_LIMIT}) and {@code offset} from 0. Null means no filter.
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String hall, String target,
        String outcome, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    /** Parses the query parameters as given; a 400 naming every bad one. */
    public static AuditFilter parse(String from, String to, String actor, String action, String hall, String target,
            String outcome, String limit, String offset) {
        List<String> problems = new ArrayList<>();
        Instant start = time(problems, "from", from);
        Instant end = time(problems, "to", to);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add("from must be before to");
        }
        String result = outcome == null || outcome.isBlank() ? null : outcome.strip().toUpperCase(Locale.ROOT);
        if (result != null && !result.equals(AuditEvent.DONE) && !result.equals(AuditEvent.REFUSED)) {
            problems.add("outcome must be DONE or REFUSED");
        }
        int size = number(problems, "limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int skip = number(problems, "offset", offset, 0, 0, Integer.MAX_VALUE);
        text(problems, "actor", actor, 200);
        text(problems, "action", action, 100);
        text(problems, "hall", hall, 64);
        text(problems, "target", target, 200);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        return new AuditFilter(start, end, blankToNull(actor), blankToNull(action), blankToNull(hall),
                blankToNull(target), result, size, skip);
    }

    /**
     * An RFC 3339 time: {@code T} or {@code t} or a space between date and time, {@code Z} or an offset.
     * A {@code +} sent unencoded arrives as a space, so a space before the offset is taken as one.
     */
    private static Instant time(List<String> problems, String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + "T" + t.substring(11);
        }
        try {
            return OffsetDateTime.parse(t.replace(' ', '+')).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(name + " must be an RFC 3339 time with an offset, such as 2026-03-01T09:00:00+08:00"
                    + " or 2026-03-01T01:00:00Z (send + as %2B)");
            return null;
        }
    }

    private static int number(List<String> problems, String name, String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like a number out of range
        }
        problems.add(name + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max));
        return fallback;
    }

    private static void text(List<String> problems, String name, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(name + " must be at most " + max + " characters");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
