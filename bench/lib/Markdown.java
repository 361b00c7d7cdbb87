import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * report.md: the medians and ratios first, whether the target was met, then a table per run and
 * system (one row per step), and the machine and settings. {@link #summary()} is what bench/run
 * prints at the end.
 */
final class Markdown {

    private static final String STEP_HEADER = "| offered /s | load acked /s | handled /s | rejected "
            + "| ts→handled p50 / p90 / p99 ms | ts→order p99 ms (n) | backlog end (growth) | CPU ms/msg: system · broker "
            + "| machine busy cores | peak RSS MB | peak heap MB | held |\n"
            + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";

    private final Map<String, Object> report;
    private final List<String> systems;
    private final StringBuilder md = new StringBuilder();

    Markdown(Map<String, Object> report, List<String> systems) {
        this.report = report;
        this.systems = systems;
    }

    String render() {
        Map<String, Object> s = Json.object(report.get("settings"));
        md.append("# HallWatch benchmark, ").append(s.get("startedAt")).append("\n\n");
        md.append(String.format("%s devices in %s halls, QoS 1, %s per step after %s of warm-up, %s run(s); "
                + "rates %s msg/s. Machine: %s.%n%n", s.get("devices"), s.get("halls"), s.get("step"), s.get("warmup"),
                s.get("runs"), s.get("rates"), machineLine()));
        md.append(summary());
        for (Object run : Json.list(report.get("runs"))) {
            run(Json.object(run));
        }
        machineAndSettings();
        return md.toString();
    }

    /** The medians, ratios and target, for report.md and the console. */
    String summary() {
        StringBuilder out = new StringBuilder("## Result (median over runs)\n\n");
        out.append("| system | highest rate held /s | per run | kept up with, latency aside /s | p99 ts→handled ms "
                + "| p99 ts→order ms | CPU ms/msg | peak RSS MB | peak heap MB (any step) |\n"
                + "|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        Map<String, Object> summary = Json.object(report.get("summary"));
        for (String system : systems) {
            Map<String, Object> m = Json.object(summary.get(system));
            out.append(String.format("| %s | %s | %s | %s | %s | %s | %s | %s | %s (%s) |%n", Report.name(system),
                    num(m.get("medianHighestHeldRate"), 0), perRun(m), num(m.get("medianHighestKeptUpRate"), 0),
                    num(m.get("medianP99HandledMs"), 1),
                    num(m.get("medianP99OrderMs"), 1), ms(m.get("medianCpuSecondsPerMessage")),
                    num(m.get("medianPeakRssMb"), 0),
                    num(m.get("medianPeakHeapUsedMb"), 0), num(m.get("maxPeakHeapUsedMb"), 0)));
        }
        Map<String, Object> ratios = Json.object(summary.get("ratios"));
        out.append('\n');
        ratios.forEach((name, r) -> out.append(String.format("- %s: %s (ratio of the medians; per run %s)%n",
                "HallWatch / " + Report.name(name.replace("hallwatchOver", "").toLowerCase(Locale.ROOT)),
                num(Json.object(r).get("ofMedians"), 2),
                Json.object(r).get("perRun"))));
        Map<String, Object> target = Json.object(report.get("target"));
        out.append(String.format("- Target (20,000 msg/s with p99 ts→order < 100 ms and heap < 512 MB, "
                + "100,000 devices): %s%n%n",
                Boolean.TRUE.equals(target.get("met")) ? "**met**" : "**not met**: " + String.join("; ",
                        Json.list(target.get("shortOfItBecause")).stream().map(String::valueOf).toList())));
        return out.toString();
    }

    private void run(Map<String, Object> run) {
        md.append("## Run ").append(run.get("run")).append("\n\n");
        Map<String, Object> bySystem = Json.object(run.get("systems"));
        for (String system : systems) {
            Map<String, Object> series = Json.object(bySystem.get(system));
            md.append("### ").append(Report.name(system)).append("\n\n");
            if (series.containsKey("failed")) {
                md.append("Failed: ").append(series.get("failed")).append("\n\n");
                continue;
            }
            md.append(STEP_HEADER);
            for (Object step : Json.list(series.get("steps"))) {
                md.append(stepRow(Json.object(step)));
            }
            md.append(String.format("%nHighest rate held: **%s msg/s**. The series ended: %s.%n",
                    series.get("highestHeldRate"), series.get("stopReason")));
            md.append(logLine(Json.object(series.get("log")))).append('\n');
        }
    }

    private String stepRow(Map<String, Object> step) {
        Map<String, Object> latency = Json.object(step.get("latency"));
        Map<String, Object> handled = Json.object(latency.get(SystemProbe.HANDLED));
        Map<String, Object> order = Json.object(latency.get(SystemProbe.ORDER));
        Map<String, Object> load = Json.object(step.get("load"));
        String held = Boolean.TRUE.equals(step.get("held")) ? "yes"
                : "no: " + String.join("; ", Json.list(step.get("notHeldBecause")).stream().map(String::valueOf).toList());
        Map<String, Object> counts = Json.object(step.get("counts"));
        Object rejected = counts == null ? null : counts.get("rejected");
        return String.format("| %s | %s | %s | %s | %s | %s | %s (%s) | %s · %s | %s | %s | %s | %s |%n",
                step.get("offeredRate"), num(load.get("achievedRate"), 0), num(step.get("handledRate"), 0), num(rejected, 0),
                handled == null ? "–" : num(handled.get("p50Ms"), 1) + " / " + num(handled.get("p90Ms"), 1) + " / "
                        + num(handled.get("p99Ms"), 1),
                order == null ? "–" : num(order.get("p99Ms"), 1) + " (" + order.get("count") + ")",
                step.get("backlogAtEnd"), step.get("backlogGrowth"), ms(step.get("cpuSecondsPerMessage")),
                ms(step.get("brokerCpuSecondsPerMessage")), num(step.get("machineBusyCores"), 2),
                num(step.get("peakRssMb"), 0), num(step.get("peakHeapUsedMb"), 0), held);
    }

    private static String logLine(Map<String, Object> log) {
        if (log == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(String.format("Its log: %s warning and %s error lines%s", log.get("warnings"),
                log.get("errors"), Json.list(log.get("examples")).isEmpty() ? "." : ", the first kinds (numbers as N):\n"));
        for (Object example : Json.list(log.get("examples"))) {
            String text = String.valueOf(example).replace('`', '\'').replace('|', '/');
            line.append("\n- `").append(text.length() > 200 ? text.substring(0, 200) + "..." : text).append('`');
        }
        return line.append('\n').toString();
    }

    private void machineAndSettings() {
        md.append("## Machine\n\n| | |\n|---|---|\n");
        Json.object(report.get("machine")).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\n## Settings\n\n| | |\n|---|---|\n");
        Json.object(report.get("settings")).forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        md.append("\nHow each figure is measured: bench/README.md. Every process's log is in this directory.\n");
    }

    private String machineLine() {
        Map<String, Object> m = Json.object(report.get("machine"));
        return m.get("cores") + " cores (" + m.get("cpuModel") + "), " + m.get("memoryGiB") + " GiB, " + m.get("kernel");
    }

    private static String perRun(Map<String, Object> m) {
        return String.join(", ", Json.list(m.get("perRun")).stream().map(Json::object)
                .map(r -> r.containsKey("failed") ? "failed" : num(r.get("highestHeldRate"), 0)).toList());
    }

    /** Seconds per message as milliseconds. */
    private static String ms(Object seconds) {
        return seconds instanceof Number n && Double.isFinite(n.doubleValue())
                ? String.format(Locale.ROOT, "%.3f", n.doubleValue() * 1000) : "–";
    }

    private static String num(Object value, int digits) {
        if (value instanceof Number n && !Double.isFinite(n.doubleValue()) || value == null) {
            return "–";
        }
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        return String.format(Locale.ROOT, "%,." + digits + "f", n.doubleValue());
    }
}
