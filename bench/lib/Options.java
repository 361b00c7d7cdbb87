import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The options of one subcommand: {@code --name value} pairs (bench/run always passes a value). A
 * missing option without a default, or a value of the wrong form, stops the program with a message
 * that names the option.
 */
final class Options {

    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    private final Map<String, String> values = new HashMap<>();

    Options(List<String> args) {
        for (int i = 0; i < args.size(); i += 2) {
            String name = args.get(i);
            if (!name.startsWith("--") || i + 1 >= args.size()) {
                throw new IllegalArgumentException("expected --name value, got '" + name + "'");
            }
            values.put(name.substring(2), args.get(i + 1));
        }
    }

    String string(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int integer(String name, int fallback) {
        String value = values.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number, not '" + value + "'");
        }
    }

    long pid(String name) {
        String value = values.get(name);
        return value == null || value.isEmpty() ? -1 : Long.parseLong(value);
    }

    /** {@code 500ms}, {@code 30s}, {@code 1.5s}, {@code 2m}, {@code 1h}. */
    Duration duration(String name, String fallback) {
        return parseDuration("--" + name, string(name, fallback));
    }

    /** Whole numbers separated by commas or spaces. */
    int[] integers(String name, String fallback) {
        String value = string(name, fallback).trim();
        try {
            return Arrays.stream(value.split("[,\\s]+")).mapToInt(Integer::parseInt).toArray();
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be whole numbers separated by commas, not '"
                    + value + "'");
        }
    }

    static Duration parseDuration(String what, String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(what + " must be like 500ms, 30s, 1.5s, 2m or 1h, not '" + text + "'");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** The way firmware-bridge load wants a duration: milliseconds. */
    static String forLoad(Duration d) {
        return d.toMillis() + "ms";
    }
}
