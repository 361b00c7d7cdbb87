import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gathers a results directory (settings, machine, {@code run-N/<system>/series.json}) into
 * report.json, report.md and plot.svg: every run's steps, and per system the medians over runs of
 * the highest rate held and of the figures at that step, the ratios of HallWatch to its reference
 * points, and whether the target was met.
 */
final class Report {

    static final double TARGET_RATE = 20_000;
    static final double TARGET_HEAP_MB = 512;
    static final int TARGET_DEVICES = 100_000;
    /** How each system is named, coloured and dashed in the plot and the report. */
    record Look(String name, String colour, String dash) {
    }

    static final Map<String, Look> LOOKS = Map.of("hallwatch", new Look("HallWatch", "#1f77b4", null),
            "bare", new Look("bare subscriber", "#7f7f7f", "7 4"), "nodered", new Look("Node-RED", "#d62728", "2 3"));

    static String name(String system) {
        return LOOKS.containsKey(system) ? LOOKS.get(system).name() : system;
    }

    private final Path dir;
    private final Map<String, Object> settings;
    private final List<String> systems;

    Report(Path dir) throws IOException {
        this.dir = dir;
        this.settings = Settings.read(dir.resolve("settings.txt"));
        this.systems = List.of(String.valueOf(settings.get("systems")).split(","));
    }

    List<String> systems() {
        return systems;
    }

    Map<String, Object> write() throws IOException {
        List<Map<String, Object>> runs = runs();
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", "HallWatch main benchmark");
        report.put("machine", Json.parse(Files.readString(dir.resolve("machine.json"))));
        report.put("settings", settings);
        Map<String, Object> criteria = new LinkedHashMap<>();
        criteria.put("handledShareAtLeast", StepAnalysis.MIN_SHARE);
        criteria.put("p99BelowMs", StepAnalysis.P99_LIMIT_MS);
        criteria.put("backlogGrowthAtMost", "1 s of the offered rate");
        criteria.put("seriesStopsAfterStepsNotHeld", settings.getOrDefault("stopAfter", 2L));
        report.put("criteria", criteria);
        Map<String, Object> summary = summary(runs);
        report.put("summary", summary);
        report.put("target", target(summary));
        report.put("runs", runs);
        Files.writeString(dir.resolve("report.json"), Json.write(report));
        Files.writeString(dir.resolve("plot.svg"), Plot.render("HallWatch benchmark: " + settings.get("devices")
                + " devices, " + settings.get("halls") + " halls, QoS 1", plotLines(runs)));
        Files.writeString(dir.resolve("report.md"), new Markdown(report, systems).render());
        return report;
    }

    private List<Map<String, Object>> runs() throws IOException {
        List<Path> runDirs;
        try (Stream<Path> list = Files.list(dir)) {
            runDirs = list.filter(p -> p.getFileName().toString().matches("run-\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring(4)))).toList();
        }
        List<Map<String, Object>> runs = new ArrayList<>();
        for (Path runDir : runDirs) {
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("run", Integer.parseInt(runDir.getFileName().toString().substring(4)));
            Map<String, Object> bySystem = new LinkedHashMap<>();
            for (String system : systems) {
                bySystem.put(system, series(runDir.resolve(system)));
            }
            run.put("systems", bySystem);
            runs.add(run);
        }
        return runs;
    }

    /** A system's series, or why there is none (the harness's error, or "not run"). */
    private static Map<String, Object> series(Path systemDir) throws IOException {
        Path series = systemDir.resolve("series.json");
        if (Files.exists(series)) {
            return Json.object(Json.parse(Files.readString(series)));
        }
        Path error = systemDir.resolve("error.txt");
        Map<String, Object> failed = new LinkedHashMap<>();
        failed.put("failed", Files.exists(error) ? Files.readString(error).trim() : "not run");
        return failed;
    }

    private Map<String, Object> summary(List<Map<String, Object>> runs) {
        Map<String, Object> summary = new LinkedHashMap<>();
        for (String system : systems) {
            List<Map<String, Object>> perRun = new ArrayList<>();
            for (Map<String, Object> run : runs) {
                Map<String, Object> series = Json.object(Json.object(run.get("systems")).get(system));
                perRun.add(Highest.of((int) run.get("run"), series));
            }
            summary.put(system, Highest.medians(perRun));
        }
        summary.put("ratios", ratios(summary));
        return summary;
    }

    private Map<String, Object> ratios(Map<String, Object> summary) {
        Map<String, Object> ratios = new LinkedHashMap<>();
        if (!summary.containsKey("hallwatch")) {
            return ratios;
        }
        for (String peer : List.of("nodered", "bare")) {
            if (summary.containsKey(peer)) {
                String name = "hallwatchOver" + Character.toUpperCase(peer.charAt(0)) + peer.substring(1);
                ratios.put(name, Highest.ratio(Json.object(summary.get("hallwatch")), Json.object(summary.get(peer))));
            }
        }
        return ratios;
    }

    private Map<String, Object> target(Map<String, Object> summary) {
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("rate", TARGET_RATE);
        target.put("p99OrderBelowMs", StepAnalysis.P99_LIMIT_MS);
        target.put("heapBelowMb", TARGET_HEAP_MB);
        target.put("devices", TARGET_DEVICES);
        List<String> short_ = new ArrayList<>();
        if (!summary.containsKey("hallwatch")) {
            short_.add("HallWatch was not measured");
        }
        Map<String, Object> hw = summary.containsKey("hallwatch") ? Json.object(summary.get("hallwatch")) : Map.of();
        double held = hw.get("medianHighestHeldRate") instanceof Number n ? n.doubleValue() : 0;
        if (held < TARGET_RATE && summary.containsKey("hallwatch")) {
            short_.add(String.format("HallWatch held %.0f msg/s (median), not %.0f", held, TARGET_RATE));
        }
        if (hw.get("maxPeakHeapUsedMb") instanceof Number n && n.doubleValue() >= TARGET_HEAP_MB) {
            short_.add("peak heap " + n + " MB");
        }
        int devices = Integer.parseInt(String.valueOf(settings.get("devices")));
        if (devices < TARGET_DEVICES) {
            short_.add("measured with " + devices + " devices, not " + TARGET_DEVICES);
        }
        target.put("met", short_.isEmpty());
        target.put("shortOfItBecause", short_);
        return target;
    }

    private List<Plot.Line> plotLines(List<Map<String, Object>> runs) {
        List<Plot.Line> lines = new ArrayList<>();
        // HallWatch last, so that it is drawn on top.
        List<String> order = new ArrayList<>(systems);
        if (order.remove("hallwatch")) {
            order.add("hallwatch");
        }
        for (String system : order) {
            List<List<Plot.Point>> perRun = new ArrayList<>();
            for (Map<String, Object> run : runs) {
                Map<String, Object> series = Json.object(Json.object(run.get("systems")).get(system));
                List<Plot.Point> points = new ArrayList<>();
                for (Object o : Json.list(series.get("steps"))) {
                    Map<String, Object> step = Json.object(o);
                    Map<String, Object> handled = Json.object(Json.object(step.get("latency")).get(SystemProbe.HANDLED));
                    double p99 = handled != null && handled.get("p99Ms") instanceof Number n ? n.doubleValue() : Double.NaN;
                    points.add(new Plot.Point(((Number) step.get("offeredRate")).doubleValue(),
                            ((Number) step.get("handledRate")).doubleValue(), p99, Boolean.TRUE.equals(step.get("held"))));
                }
                perRun.add(points);
            }
            Look look = LOOKS.getOrDefault(system, new Look(system, "#9467bd", null));
            lines.add(new Plot.Line(look.name(), look.colour(), look.dash(), perRun));
        }
        return lines;
    }
}
