import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Node-RED peer's {@code GET /stats} (bench/nodered): handled is its handled plus rejected
 * messages; latencies are its cumulative histograms {@code latency.handled} (ts to handled) and
 * {@code latency.alert} (ts to the alert committed in PostgreSQL), on the service's bounds.
 */
final class NodeRedProbe implements SystemProbe {

    /** Node-RED answers /stats on the event loop that also carries the readings: seconds when it is far behind. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Http http;

    NodeRedProbe(String baseUrl) {
        this.http = new Http(baseUrl, null, null, TIMEOUT);
    }

    @Override
    public Reading read() throws IOException, InterruptedException {
        Map<String, Object> stats = Json.object(Json.parse(http.get("/stats")));
        long handled = number(stats.get("handled")) + number(stats.get("rejected"));
        Map<String, Histogram> latency = new HashMap<>();
        Map<String, Object> histograms = Json.object(stats.getOrDefault("latency", Map.of()));
        if (histograms.get("handled") != null) {
            latency.put(HANDLED, histogram(Json.object(histograms.get("handled"))));
        }
        if (histograms.get("alert") != null) {
            latency.put(ORDER, histogram(Json.object(histograms.get("alert"))));
        }
        Map<String, Long> counters = new TreeMap<>();
        for (String key : List.of("handled", "rejected", "alerts", "alertsCommitted")) {
            counters.put(key, number(stats.get(key)));
        }
        return new Reading(handled, latency, counters, null, null, null);
    }

    private static Histogram histogram(Map<String, Object> json) {
        List<Object> bounds = Json.list(json.get("bounds"));
        List<Object> counts = Json.list(json.get("counts"));
        double[] b = bounds.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        long[] c = counts.stream().mapToLong(v -> ((Number) v).longValue()).toArray();
        return new Histogram(Arrays.equals(b, Histogram.BOUNDS_MS) ? Histogram.BOUNDS_MS : b, c);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
