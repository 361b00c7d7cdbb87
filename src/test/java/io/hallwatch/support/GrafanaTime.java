package io.hallwatch.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Grafana's time arithmetic as a board's queries see it: date math ({@code now-7d}, {@code now/d},
 * {@code now/y}) against a given "now" and time zone, a panel's relative time ({@code timeFrom}) and
 * shift ({@code timeShift}) over the dashboard's range, and {@code $__interval} from the range and the
 * points a panel can draw, rounded as Grafana rounds it and never below the panel's minimum interval.
 */
final class GrafanaTime {

    /** An absolute range, both ends inclusive, as {@code $timeFilter} renders it. */
    record Range(Instant from, Instant to) {

        Duration length() {
            return Duration.between(from, to);
        }
    }

    private static final Pattern STEP = Pattern.compile("([+-])(\\d+)([smhdwMy])|/([smhdwMy])");
    private static final Pattern DURATION = Pattern.compile("[<>]?\\s*(\\d+)(ms|s|m|h|d|w|M|y)");
    private static final long[][] ROUNDING = {
        {15, 10}, {35, 20}, {75, 50}, {150, 100}, {350, 200}, {750, 500}, {1_500, 1_000}, {3_500, 2_000},
        {7_500, 5_000}, {12_500, 10_000}, {17_500, 15_000}, {25_000, 20_000}, {45_000, 30_000}, {90_000, 60_000},
        {210_000, 120_000}, {450_000, 300_000}, {750_000, 600_000}, {1_050_000, 900_000}, {1_500_000, 1_200_000},
        {2_700_000, 1_800_000}, {5_400_000, 3_600_000}, {9_000_000, 7_200_000}, {16_200_000, 10_800_000},
        {24_300_000, 21_600_000}, {64_800_000, 43_200_000}, {129_600_000, 86_400_000},
        {604_800_000, 604_800_000}, {Long.MAX_VALUE, 2_592_000_000L}};

    private GrafanaTime() {
    }

    /** The dashboard's {@code time.from}/{@code time.to} (default the last 6 hours). */
    static Range dashboardRange(JsonNode dashboard, Instant now, ZoneId zone) {
        JsonNode time = dashboard.path("time");
        return new Range(parse(time.path("from").asText("now-6h"), false, now, zone),
                parse(time.path("to").asText("now"), true, now, zone));
    }

    /**
     * The range a panel queries: its {@code timeFrom} replaces the dashboard's ({@code 7d} is
     * now-7d to now, {@code now/y} is this year), then {@code timeShift} moves it back.
     */
    static Range panelRange(Range dashboard, JsonNode panel, Instant now, ZoneId zone) {
        Range range = dashboard;
        String timeFrom = panel.path("timeFrom").asText("");
        if (!timeFrom.isBlank()) {
            String from = timeFrom.startsWith("now") ? timeFrom : "now-" + timeFrom;
            String to = timeFrom.startsWith("now") && timeFrom.contains("/") ? timeFrom : "now";
            range = new Range(parse(from, false, now, zone), parse(to, true, now, zone));
        }
        String shift = panel.path("timeShift").asText("");
        if (!shift.isBlank()) {
            Instant shiftedNow = parse("now-" + shift, false, now, zone);
            Duration back = Duration.between(shiftedNow, now);
            range = new Range(range.from().minus(back), range.to().minus(back));
        }
        return range;
    }

    /** Grafana date math: {@code now} with steps ({@code -7d}, {@code +1h}) and roundings ({@code /d}); or epoch ms. */
    static Instant parse(String expression, boolean roundUp, Instant now, ZoneId zone) {
        String text = expression.strip();
        if (text.matches("\\d+")) {
            return Instant.ofEpochMilli(Long.parseLong(text));
        }
        if (!text.startsWith("now")) {
            return Instant.parse(text);
        }
        ZonedDateTime time = now.atZone(zone);
        Matcher step = STEP.matcher(text);
        int at = 3;
        while (at < text.length() && step.find(at) && step.start() == at) {
            time = step.group(4) != null ? round(time, step.group(4), roundUp)
                    : time.plus((step.group(1).equals("-") ? -1 : 1) * Long.parseLong(step.group(2)), unit(step.group(3)));
            at = step.end();
        }
        if (at != text.length()) {
            throw new IllegalArgumentException("cannot read Grafana time " + expression);
        }
        return time.toInstant();
    }

    /** {@code $__interval}: the range over the points the panel can draw, rounded, at least {@code minInterval}. */
    static Duration interval(Range range, int maxDataPoints, String minInterval) {
        long raw = range.length().toMillis() / Math.max(1, maxDataPoints);
        long rounded = 0;
        for (long[] step : ROUNDING) {
            if (raw < step[0]) {
                rounded = step[1];
                break;
            }
        }
        long minimum = minInterval == null || minInterval.isBlank() ? 0 : duration(minInterval).toMillis();
        return Duration.ofMillis(Math.max(rounded, minimum));
    }

    /** An InfluxQL duration literal: the largest of d, h, m, s, ms that divides it. */
    static String format(Duration duration) {
        long ms = duration.toMillis();
        long[] sizes = {86_400_000, 3_600_000, 60_000, 1_000};
        String[] units = {"d", "h", "m", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (ms >= sizes[i] && ms % sizes[i] == 0) {
                return ms / sizes[i] + units[i];
            }
        }
        return ms + "ms";
    }

    static Duration duration(String text) {
        Matcher matcher = DURATION.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("cannot read Grafana interval " + text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return matcher.group(2).equals("ms") ? Duration.ofMillis(amount)
                : unit(matcher.group(2)).getDuration().multipliedBy(amount);
    }

    private static ZonedDateTime round(ZonedDateTime time, String unit, boolean up) {
        ZonedDateTime start = switch (unit) {
            case "y" -> time.with(TemporalAdjusters.firstDayOfYear()).truncatedTo(ChronoUnit.DAYS);
            case "M" -> time.with(TemporalAdjusters.firstDayOfMonth()).truncatedTo(ChronoUnit.DAYS);
            case "w" -> time.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).truncatedTo(ChronoUnit.DAYS);
            default -> time.truncatedTo(unit(unit));
        };
        return up ? start.plus(1, unit(unit)).minus(1, ChronoUnit.MILLIS) : start;
    }

    private static ChronoUnit unit(String unit) {
        return switch (unit) {
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            case "d" -> ChronoUnit.DAYS;
            case "w" -> ChronoUnit.WEEKS;
            case "M" -> ChronoUnit.MONTHS;
            case "y" -> ChronoUnit.YEARS;
            default -> throw new IllegalArgumentException("unknown time unit " + unit);
        };
    }
}
