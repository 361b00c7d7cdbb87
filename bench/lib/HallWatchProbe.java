import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads HallWatch's {@code /q/metrics}: handled is accepted plus rejected messages; latencies are
 * {@code hallwatch_ingest_latency_seconds} (ts to its batch committed, accepted readings) and
 * {@code hallwatch_workorders_open_latency_seconds} summed over order types, split by trigger: orders
 * a message opened (ts to committed, judged) and orders a rule tick opened (context).
 */
final class HallWatchProbe implements SystemProbe {

    private final Http http;

    HallWatchProbe(String baseUrl) {
        this.http = new Http(baseUrl, null, null, Duration.ofSeconds(10));
    }

    @Override
    public Reading read() throws IOException, InterruptedException {
        Prometheus p = new Prometheus(http.get("/q/metrics"));
        long handled = Math.round(orZero(p.sum("hallwatch_ingest_accepted_total"))
                + orZero(p.sum("hallwatch_ingest_rejected_total")));
        Map<String, Histogram> latency = new HashMap<>();
        put(latency, HANDLED, p.histogram("hallwatch_ingest_latency_seconds", l -> true));
        put(latency, ORDER, p.histogram("hallwatch_workorders_open_latency_seconds",
                l -> !"tick".equals(l.get("trigger"))));
        put(latency, ORDER_TICK, p.histogram("hallwatch_workorders_open_latency_seconds",
                l -> "tick".equals(l.get("trigger"))));
        return new Reading(handled, latency, counters(p), p.sum("hallwatch_ingest_queue_depth"),
                p.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area"))),
                p.sum("jvm_memory_committed_bytes", l -> "heap".equals(l.get("area"))));
    }

    /** Accepted and rejected messages, rejections by reason, and work orders opened by type and trigger. */
    private static Map<String, Long> counters(Prometheus p) {
        Map<String, Long> counters = new TreeMap<>();
        counters.put("accepted", Math.round(orZero(p.sum("hallwatch_ingest_accepted_total"))));
        counters.put("rejected", Math.round(orZero(p.sum("hallwatch_ingest_rejected_total"))));
        p.metrics("hallwatch_ingest_rejected_total").forEach(m ->
                counters.put("rejected " + m.labels().get("reason"), Math.round(m.value())));
        p.metrics("hallwatch_workorders_open_latency_seconds_count").forEach(m -> counters.merge(
                "opened " + m.labels().get("type") + " (" + m.labels().get("trigger") + ")", Math.round(m.value()), Long::sum));
        return counters;
    }

    private static void put(Map<String, Histogram> latency, String name, Histogram h) {
        if (h != null) {
            latency.put(name, h);
        }
    }

    private static double orZero(Double d) {
        return d == null ? 0 : d;
    }
}
