import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * A scrape of a Prometheus text exposition ({@code /q/metrics}), with sums over label sets: a counter's
 * total over all its tags, a histogram's buckets summed over the tags a filter lets through.
 */
final class Prometheus {

    record Metric(String name, Map<String, String> labels, double value) {
    }

    private final List<Metric> metrics = new ArrayList<>();

    Prometheus(String exposition) {
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                metrics.add(parse(line.trim()));
            }
        }
    }

    /** The sum of every sample of this name, or null when there is none. */
    Double sum(String name, Predicate<Map<String, String>> filter) {
        double total = 0;
        boolean seen = false;
        for (Metric m : metrics) {
            if (m.name.equals(name) && filter.test(m.labels)) {
                total += m.value;
                seen = true;
            }
        }
        return seen ? total : null;
    }

    List<Metric> metrics(String name) {
        return metrics.stream().filter(m -> m.name.equals(name)).toList();
    }

    Double sum(String name) {
        return sum(name, labels -> true);
    }

    /**
     * The histogram {@code base}_bucket summed over the label sets the filter passes, or null when
     * there is none (Micrometer registers a tagged timer only when it is first used).
     */
    Histogram histogram(String base, Predicate<Map<String, String>> filter) {
        TreeMap<Double, Double> byBound = new TreeMap<>();
        for (Metric m : metrics) {
            if (m.name.equals(base + "_bucket") && filter.test(m.labels)) {
                String le = m.labels.get("le");
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY
                        : Math.round(Double.parseDouble(le) * 1_000_000) / 1000.0;
                byBound.merge(bound, m.value, Double::sum);
            }
        }
        if (byBound.isEmpty()) {
            return null;
        }
        double[] bounds = byBound.keySet().stream().filter(Double::isFinite).mapToDouble(Double::doubleValue).toArray();
        long[] counts = byBound.values().stream().mapToLong(v -> Math.round(v)).toArray();
        return new Histogram(Arrays.equals(bounds, Histogram.BOUNDS_MS) ? Histogram.BOUNDS_MS : bounds, counts);
    }

    private static Metric parse(String line) {
        int brace = line.indexOf('{');
        int space = line.lastIndexOf(' ');
        Map<String, String> labels = new HashMap<>();
        String name;
        if (brace >= 0 && brace < space) {
            name = line.substring(0, brace);
            parseLabels(line.substring(brace + 1, line.lastIndexOf('}')), labels);
        } else {
            name = line.substring(0, space);
        }
        return new Metric(name, labels, Double.parseDouble(line.substring(space + 1)));
    }

    /** {@code a="x",b="y"}; label values here never hold quotes or commas worth escaping. */
    private static void parseLabels(String text, Map<String, String> labels) {
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            int open = text.indexOf('"', eq);
            int close = open + 1;
            while (close < text.length() && (text.charAt(close) != '"' || text.charAt(close - 1) == '\\')) {
                close++;
            }
            labels.put(text.substring(i, eq).trim(), text.substring(open + 1, close));
            i = close + 1;
            while (i < text.length() && (text.charAt(i) == ',' || text.charAt(i) == ' ')) {
                i++;
            }
        }
    }
}
