import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one step and whether it was held. The measured period runs from the sample at its
 * start to the sample at its end: handled rate and latency percentiles come from the differences
 * of the system's counters between those two. A step is held when the system handled at least 95 %
 * of the offered rate, p99 from ts to handled and (where the period opened any) to a work order or
 * alert committed stayed under 100 ms, and its backlog (acknowledged by the broker, not yet handled)
 * grew by no more than one second of the offered rate.
 */
final class StepAnalysis {

    static final double MIN_SHARE = 0.95;
    static final double P99_LIMIT_MS = 100;

    private final int rate;
    private final Sampler.Sample base;
    private final Sampler.Sample from;
    private final Sampler.Sample until;
    private final List<Sampler.Sample> samples;
    private final LoadProcess load;
    private final Map<String, Object> loadReport;
    private final List<String> misses = new ArrayList<>();
    private final Map<String, Object> result = new LinkedHashMap<>();

    StepAnalysis(int rate, List<Sampler.Sample> samples, Sampler.Sample from, Sampler.Sample until, LoadProcess load,
            Map<String, Object> loadReport) {
        this.rate = rate;
        this.samples = samples;
        this.base = samples.get(0);
        this.from = from;
        this.until = until;
        this.load = load;
        this.loadReport = loadReport;
        analyse();
    }

    boolean held() {
        return misses.isEmpty();
    }

    Map<String, Object> result() {
        return result;
    }

    /** The handled count once the system has caught up with everything the broker acknowledged. */
    long expectedHandled() {
        return base.handled() + number(loadReport.get("acked"));
    }

    /** One line for the console. */
    String line() {
        Map<?, ?> handled = (Map<?, ?>) ((Map<?, ?>) result.get("latency")).get(SystemProbe.HANDLED);
        return String.format("  offered %d/s: handled %.0f/s, p99 ts->handled %s ms, backlog growth %d: %s", rate,
                (double) result.get("handledRate"), handled == null ? "-" : handled.get("p99Ms"),
                (long) result.get("backlogGrowth"), held() ? "held" : "NOT held (" + String.join("; ", misses) + ")");
    }

    private void analyse() {
        double seconds = (until.nanos() - from.nanos()) / 1e9;
        long handled = until.handled() - from.handled();
        double handledRate = handled / seconds;
        result.put("offeredRate", rate);
        result.put("windowSeconds", round(seconds, 2));
        result.put("handled", handled);
        result.put("handledRate", round(handledRate, 1));
        result.put("load", loadFigures());
        result.put("latency", latency());
        result.put("counts", counts());
        backlog();
        resources(seconds, handled);
        judge(handledRate);
        result.put("held", held());
        result.put("notHeldBecause", misses);
    }

    private Map<String, Object> loadFigures() {
        Map<String, Object> l = new LinkedHashMap<>();
        for (String key : List.of("achievedRate", "sentRate", "reachedTarget", "acked", "missed", "errorTotal",
                "errors", "disconnects")) {
            l.put(key, loadReport.get(key));
        }
        Object ack = loadReport.get("latencyMs");
        l.put("ackP99Ms", ack instanceof Map<?, ?> m ? m.get("p99") : null);
        return l;
    }

    private Map<String, Object> latency() {
        Map<String, Object> latency = new LinkedHashMap<>();
        for (String name : List.of(SystemProbe.HANDLED, SystemProbe.ORDER, SystemProbe.ORDER_TICK)) {
            Histogram end = until.latency(name);
            if (end != null) {
                latency.put(name, end.minus(from.latency(name)).summary());
            }
        }
        return latency;
    }

    /** The system's own counters over the whole step (warm-up and the wait for load's last acks included). */
    private Map<String, Object> counts() {
        Map<String, Long> end = samples.get(samples.size() - 1).reading().counters();
        Map<String, Long> start = base.reading().counters();
        Map<String, Object> counts = new LinkedHashMap<>();
        if (end != null) {
            end.forEach((k, v) -> {
                long delta = v - (start == null ? 0 : start.getOrDefault(k, 0L));
                if (delta != 0 || !k.contains(" ")) {
                    counts.put(k, delta);
                }
            });
        }
        return counts;
    }

    private void backlog() {
        double start = backlogAt(from);
        double end = backlogAt(until);
        Sampler.Sample last = samples.get(samples.size() - 1);
        result.put("backlogAtStart", Math.round(start));
        result.put("backlogAtEnd", Math.round(end));
        result.put("backlogGrowth", Math.round(end - start));
        result.put("backlogAfterLoad", number(loadReport.get("acked")) - (last.handled() - base.handled()));
        result.put("queueDepthMax", samples.stream().map(s -> s.reading().queueDepth())
                .filter(q -> q != null).mapToDouble(Double::doubleValue).max().orElse(Double.NaN));
    }

    private double backlogAt(Sampler.Sample s) {
        return load.ackedAt(s.nanos()) - (s.handled() - base.handled());
    }

    private void resources(double seconds, long handled) {
        double perMessage = Math.max(1, handled);
        result.put("cpuSecondsPerMessage", round((until.cpuSeconds() - from.cpuSeconds()) / perMessage, 9));
        result.put("cpuCores", round((until.cpuSeconds() - from.cpuSeconds()) / seconds, 3));
        result.put("brokerCpuSecondsPerMessage", round((until.brokerCpuSeconds() - from.brokerCpuSeconds()) / perMessage, 9));
        long busy = until.machine().busy() - from.machine().busy();
        long total = until.machine().total() - from.machine().total();
        int cores = Runtime.getRuntime().availableProcessors();
        result.put("machineBusyCores", round(total == 0 ? 0 : (double) busy / total * cores, 3));
        result.put("machineCpuSecondsPerMessage", round(busy / Proc.TICKS_PER_SECOND / perMessage, 9));
        result.put("peakRssMb", round(samples.stream().mapToLong(Sampler.Sample::rssBytes).max().orElse(0) / 1048576.0, 1));
        result.put("peakHeapUsedMb", peakMb(true));
        result.put("peakHeapCommittedMb", peakMb(false));
    }

    private Double peakMb(boolean used) {
        return samples.stream().map(s -> used ? s.reading().heapUsed() : s.reading().heapCommitted())
                .filter(v -> v != null).max(Double::compare).map(v -> round(v / 1048576.0, 1)).orElse(null);
    }

    private void judge(double handledRate) {
        if (handledRate < MIN_SHARE * rate) {
            String generator = Boolean.FALSE.equals(loadReport.get("reachedTarget"))
                    ? " (the generator itself fell short)" : "";
            misses.add(String.format("handled %.0f/s < 95 %% of %d/s%s", handledRate, rate, generator));
        }
        Map<?, ?> latency = (Map<?, ?>) result.get("latency");
        judgeLatency(latency.get(SystemProbe.HANDLED), "ts->handled", true);
        judgeLatency(latency.get(SystemProbe.ORDER), "ts->order", false);
        long growth = (long) result.get("backlogGrowth");
        if (growth > rate) {
            misses.add(String.format("backlog grew by %d (more than 1 s of the offered rate)", growth));
        }
    }

    private void judgeLatency(Object summary, String what, boolean required) {
        if (!(summary instanceof Map<?, ?> s) || ((Number) s.get("count")).longValue() == 0) {
            if (required) {
                misses.add("no " + what + " latency observed");
            }
            return;
        }
        Object p99 = s.get("p99Ms");
        if (p99 instanceof Number n && n.doubleValue() >= P99_LIMIT_MS) {
            misses.add(String.format("p99 %s %.0f ms >= 100 ms", what, n.doubleValue()));
        }
    }

    static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    static double round(double value, int digits) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
