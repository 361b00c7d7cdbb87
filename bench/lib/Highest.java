import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A system's result per run (the highest rate it held, with the figures of that step) and over runs
 * (medians of those; the highest heap of any step, since the heap bound must hold throughout). A run
 * in which the system failed is shown with its error and left out of the medians; one that held no
 * step counts as 0 msg/s.
 */
final class Highest {

    private Highest() {
    }

    static Map<String, Object> of(int run, Map<String, Object> series) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("run", run);
        if (series.containsKey("failed")) {
            r.put("failed", series.get("failed"));
            return r;
        }
        List<Map<String, Object>> steps = Json.list(series.get("steps")).stream().map(Json::object).toList();
        Map<String, Object> best = steps.stream().filter(s -> Boolean.TRUE.equals(s.get("held")))
                .max((a, b) -> Double.compare(number(a.get("offeredRate")), number(b.get("offeredRate")))).orElse(null);
        r.put("highestHeldRate", best == null ? 0 : best.get("offeredRate"));
        r.put("highestKeptUpRate", steps.stream().filter(Highest::keptUp)
                .mapToDouble(s -> number(s.get("offeredRate"))).max().orElse(0));
        if (best != null) {
            Map<String, Object> latency = Json.object(best.get("latency"));
            r.put("handledRate", best.get("handledRate"));
            r.put("p99HandledMs", field(latency, SystemProbe.HANDLED, "p99Ms"));
            r.put("p99OrderMs", field(latency, SystemProbe.ORDER, "p99Ms"));
            r.put("orders", field(latency, SystemProbe.ORDER, "count"));
            r.put("cpuSecondsPerMessage", best.get("cpuSecondsPerMessage"));
            r.put("peakRssMb", best.get("peakRssMb"));
            r.put("peakHeapUsedMb", best.get("peakHeapUsedMb"));
        }
        r.put("peakHeapUsedMbAnyStep", steps.stream().map(s -> s.get("peakHeapUsedMb")).filter(Objects::nonNull)
                .mapToDouble(Highest::number).max().orElse(Double.NaN));
        r.put("stopReason", series.get("stopReason"));
        return r;
    }

    /** Throughput alone: handled at least 95 % of the offered rate with no backlog growth, whatever the latency. */
    private static boolean keptUp(Map<String, Object> step) {
        double offered = number(step.get("offeredRate"));
        return number(step.get("handledRate")) >= StepAnalysis.MIN_SHARE * offered
                && number(step.get("backlogGrowth")) <= offered;
    }

    static Map<String, Object> medians(List<Map<String, Object>> perRun) {
        List<Map<String, Object>> ok = perRun.stream().filter(r -> !r.containsKey("failed")).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("runs", ok.size());
        m.put("medianHighestHeldRate", median(ok, "highestHeldRate"));
        m.put("medianHighestKeptUpRate", median(ok, "highestKeptUpRate"));
        for (String key : List.of("p99HandledMs", "p99OrderMs", "cpuSecondsPerMessage", "peakRssMb", "peakHeapUsedMb")) {
            m.put("median" + Character.toUpperCase(key.charAt(0)) + key.substring(1), median(ok, key));
        }
        m.put("maxPeakHeapUsedMb", ok.stream().map(r -> r.get("peakHeapUsedMbAnyStep")).filter(v -> v instanceof Number)
                .mapToDouble(Highest::number).filter(Double::isFinite).max().orElse(Double.NaN));
        m.put("perRun", perRun);
        return m;
    }

    /** HallWatch's highest held rate over the peer's: per run, their median, and the ratio of the medians. */
    static Map<String, Object> ratio(Map<String, Object> hallwatch, Map<String, Object> peer) {
        List<Object> perRun = new ArrayList<>();
        List<Object> hw = Json.list(hallwatch.get("perRun"));
        List<Object> other = Json.list(peer.get("perRun"));
        for (int i = 0; i < Math.min(hw.size(), other.size()); i++) {
            perRun.add(divide(Json.object(hw.get(i)).get("highestHeldRate"),
                    Json.object(other.get(i)).get("highestHeldRate")));
        }
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("perRun", perRun);
        r.put("medianOfRuns", Stats.median(perRun.stream().filter(v -> v instanceof Double)
                .mapToDouble(v -> (Double) v).toArray()));
        r.put("ofMedians", divide(hallwatch.get("medianHighestHeldRate"), peer.get("medianHighestHeldRate")));
        return r;
    }

    private static Object divide(Object a, Object b) {
        if (!(a instanceof Number x) || !(b instanceof Number y) || y.doubleValue() == 0
                || !Double.isFinite(x.doubleValue())) {
            return null;
        }
        return StepAnalysis.round(x.doubleValue() / y.doubleValue(), 3);
    }

    private static Object field(Map<String, Object> latency, String name, String key) {
        Object h = latency.get(name);
        return h == null ? null : Json.object(h).get(key);
    }

    private static double median(List<Map<String, Object>> runs, String key) {
        return Stats.median(runs.stream().map(r -> r.get(key)).filter(v -> v instanceof Number)
                .mapToDouble(Highest::number).toArray());
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
