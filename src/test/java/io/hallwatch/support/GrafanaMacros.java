package io.hallwatch.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Renders an InfluxQL query as Grafana's InfluxDB data source sends it:
 * <ul>
 * <li>{@code $timeFilter} becomes {@code time >= <from>ms and time <= <to>ms} (epoch milliseconds);</li>
 * <li>{@code $__interval} and {@code $interval} the rounded interval as a duration literal
 * ({@code 1m}), {@code $__interval_ms} its milliseconds;</li>
 * <li>{@code $__from}, {@code $__to} epoch milliseconds; {@code $__range} a duration literal,
 * {@code $__range_s}, {@code $__range_ms} seconds and milliseconds;</li>
 * <li>a template variable that is multi-value or has "All" becomes its regex-escaped values in a
 * group, {@code (a|b)}, for {@code =~ /^$hall$/}; any other variable its value as it is. Forms:
 * {@code $name}, {@code ${name}}, {@code [[name]]}, and {@code ${name:raw|regex|csv|pipe}}.</li>
 * </ul>
 * A name it does not know is left as it is, for the name check to report.
 */
final class GrafanaMacros {

    /** A template variable's current values; {@code regex} when multi-value or "All" is on. */
    record Variable(String name, List<String> values, boolean regex) {
    }

    private static final Pattern REFERENCE = Pattern.compile(
            "\\$\\{(\\w+)(?::(\\w+))?}|\\[\\[(\\w+)(?::(\\w+))?]]|\\$(\\w+)");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("[\\\\^$*+?.()|\\[\\]{}/]");

    private GrafanaMacros() {
    }

    static String render(String query, GrafanaTime.Range range, Duration interval, Map<String, Variable> variables) {
        Matcher matcher = REFERENCE.matcher(query);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = first(matcher.group(1), matcher.group(3), matcher.group(5));
            String format = first(matcher.group(2), matcher.group(4), null);
            String value = builtIn(name, range, interval);
            if (value == null && variables.containsKey(name)) {
                value = format(variables.get(name), format);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** Escapes a value for an InfluxQL regex literal, as Grafana's {@code escapeRegex} does. */
    static String regexEscape(String value) {
        return REGEX_SPECIAL.matcher(value).replaceAll("\\\\$0");
    }

    private static String builtIn(String name, GrafanaTime.Range range, Duration interval) {
        long from = range.from().toEpochMilli();
        long to = range.to().toEpochMilli();
        return switch (name) {
            case "timeFilter" -> "time >= " + from + "ms and time <= " + to + "ms";
            case "__interval", "interval" -> GrafanaTime.format(interval);
            case "__interval_ms" -> Long.toString(interval.toMillis());
            case "__from" -> Long.toString(from);
            case "__to" -> Long.toString(to);
            case "__range" -> GrafanaTime.format(range.length());
            case "__range_s" -> Long.toString(range.length().toSeconds());
            case "__range_ms" -> Long.toString(range.length().toMillis());
            default -> null;
        };
    }

    private static String format(Variable variable, String format) {
        List<String> values = variable.values();
        if (format == null) {
            return variable.regex() ? group(values) : String.join(",", values);
        }
        return switch (format) {
            case "regex" -> values.size() == 1 ? regexEscape(values.get(0)) : group(values);
            case "raw", "csv" -> String.join(",", values);
            case "pipe" -> String.join("|", values);
            default -> null;
        };
    }

    private static String group(List<String> values) {
        return values.stream().map(GrafanaMacros::regexEscape).collect(Collectors.joining("|", "(", ")"));
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }
}
