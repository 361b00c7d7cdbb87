import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One system through the rising rates: before each step it waits for the system to drain what the
 * previous step left, then runs load for warm-up plus step, sampling the system once a second and
 * exactly at the start and end of the measured period, and judges the step ({@link StepAnalysis}).
 * The series ends after {@code stopAfterMisses} steps in a row not held, or when a backlog does not
 * drain in time. A system process that dies ends the run with its log's last lines.
 */
final class Series {

    /** The rates and times of a series. */
    record Plan(int[] rates, Duration prewarm, Duration warmup, Duration step, Duration drainTimeout,
            Duration stallTimeout, int stopAfterMisses) {
    }

    private static final Duration SECOND = Duration.ofSeconds(1);

    private final String system;
    private final Sampler sampler;
    private final Path systemLog;
    private final LoadProcess.Settings load;
    private final Plan plan;
    private final Path dir;
    private final ProbePublisher probe;

    Series(String system, Sampler sampler, Path systemLog, LoadProcess.Settings load, Plan plan, Path dir,
            ProbePublisher probe) {
        this.system = system;
        this.sampler = sampler;
        this.systemLog = systemLog;
        this.load = load;
        this.plan = plan;
        this.dir = dir;
        this.probe = probe;
    }

    Map<String, Object> run() throws IOException, InterruptedException {
        long expected = awaitReady();
        Map<String, Object> prewarm = null;
        if (!plan.prewarm().isZero()) {
            log("%s: pre-warming at %d msg/s for %s (not judged)", system, plan.rates()[0], human(plan.prewarm()));
            StepAnalysis warm = step(plan.rates()[0], Duration.ZERO, plan.prewarm(), "prewarm");
            expected = warm.expectedHandled();
            prewarm = warm.result();
        }
        Map<String, Object> result = rising(expected);
        result.put("prewarm", prewarm);
        return result;
    }

    /** The steps, each after the system drained the one before, until they end or the stop rule says so. */
    private Map<String, Object> rising(long expected) throws IOException, InterruptedException {
        List<Map<String, Object>> steps = new ArrayList<>();
        int misses = 0;
        for (int rate : plan.rates()) {
            Drain drain = drain(expected);
            annotate(steps, drain);
            if (!drain.drained) {
                return result(steps, String.format("the backlog of the previous step (%d messages) did not drain within %d s",
                        drain.left, plan.drainTimeout().toSeconds()));
            }
            log("%s: %d msg/s for %s after %s of warm-up", system, rate, human(plan.step()), human(plan.warmup()));
            StepAnalysis step = step(rate, plan.warmup(), plan.step(), String.format("%06d", rate));
            expected = step.expectedHandled();
            steps.add(step.result());
            log("%s", step.line());
            misses = step.held() ? 0 : misses + 1;
            if (misses >= plan.stopAfterMisses()) {
                return result(steps, misses + " steps in a row not held");
            }
        }
        if (misses == 0 && !steps.isEmpty()) {
            annotate(steps, drain(expected));
        }
        return result(steps, "every rate was run");
    }

    /** Records on the previous step how long its leftovers took to drain, and what never arrived. */
    private static void annotate(List<Map<String, Object>> steps, Drain drain) {
        if (steps.isEmpty()) {
            return;
        }
        Map<String, Object> last = steps.get(steps.size() - 1);
        last.put("drainSeconds", Math.round(drain.seconds * 10) / 10.0);
        last.put("drained", drain.drained);
        last.put("lost", drain.drained ? drain.left : null);
    }

    /** Publishes a probe reading until the system counts one; answers the handled count then. */
    private long awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        long before = sample().handled();
        while (System.nanoTime() < deadline) {
            probe.publish();
            for (int i = 0; i < 20; i++) {
                Thread.sleep(100);
                long now = sample().handled();
                if (now > before) {
                    log("%s counts messages (a probe reading arrived)", system);
                    return now;
                }
            }
        }
        throw new IOException(system + " counted none of the probe readings published over 120 s; last lines of "
                + systemLog + ":\n" + Logs.tail(systemLog, 15));
    }

    private record Drain(boolean drained, double seconds, long left) {
    }

    /**
     * Waits until the system has handled every message the broker acknowledged. Counts that stop
     * short and stay still for the stall timeout are taken as lost (reported with the step).
     */
    private Drain drain(long expected) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long lastHandled = -1;
        long lastProgress = start;
        while (true) {
            long handled = sample().handled();
            long now = System.nanoTime();
            if (handled >= expected) {
                return new Drain(true, (now - start) / 1e9, 0);
            }
            if (handled != lastHandled) {
                lastHandled = handled;
                lastProgress = now;
            } else if (now - lastProgress > plan.stallTimeout().toNanos()) {
                log("%s stopped %d messages short of what the broker acknowledged; counted as lost", system,
                        expected - handled);
                return new Drain(true, (now - start) / 1e9, expected - handled);
            }
            if (now - start > plan.drainTimeout().toNanos()) {
                return new Drain(false, (now - start) / 1e9, expected - handled);
            }
            Thread.sleep(500);
        }
    }

    /** Load at {@code rate} for warm-up plus duration; its files are named after {@code name}. */
    private StepAnalysis step(int rate, Duration warmup, Duration duration, String name)
            throws IOException, InterruptedException {
        Sampler.Sample base = sample();
        LoadProcess run = LoadProcess.start(load, rate, warmup, duration, dir, "load-" + name);
        try {
            Long start = run.awaitStart(Duration.ofSeconds(60));
            if (start == null) {
                throw new IOException("load did not start: " + run.failure());
            }
            long from = start + warmup.toNanos();
            long until = from + duration.toNanos();
            List<Sampler.Sample> samples = new ArrayList<>(List.of(base));
            Map<Long, Sampler.Sample> at = new LinkedHashMap<>();
            for (long t : schedule(start, from, until)) {
                sleepUntil(t);
                Sampler.Sample s = sample();
                samples.add(s);
                at.put(t, s);
            }
            Map<String, Object> report = run.finish(warmup.plus(duration).plus(Duration.ofSeconds(60)));
            samples.add(sample());
            StepAnalysis step = new StepAnalysis(rate, samples, at.get(from), at.get(until), run, report);
            writeSamples(name, start, samples, run);
            return step;
        } finally {
            run.stop();
        }
    }

    /** Every second from load's start to the end of the measured period, and exactly at its start and end. */
    private static TreeSet<Long> schedule(long start, long from, long until) {
        TreeSet<Long> times = new TreeSet<>(List.of(from, until));
        for (long t = start + SECOND.toNanos(); t < until; t += SECOND.toNanos()) {
            if (Math.abs(t - from) > SECOND.toNanos() / 4 && until - t > SECOND.toNanos() / 4) {
                times.add(t);
            }
        }
        return times;
    }

    /** A sample; a probe call that fails while the process lives is tried again, twice. */
    private Sampler.Sample sample() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            requireAlive();
            try {
                return sampler.sample();
            } catch (IOException e) {
                if (attempt == 3) {
                    throw new IOException(system + " did not answer its probe: " + e.getMessage(), e);
                }
                Thread.sleep(500);
            }
        }
    }

    private void requireAlive() throws IOException {
        if (!Proc.alive(sampler.pid())) {
            throw new IOException(system + " (pid " + sampler.pid() + ") is gone; last lines of " + systemLog + ":\n"
                    + Logs.tail(systemLog, 15));
        }
        if (sampler.brokerPid() > 0 && !Proc.alive(sampler.brokerPid())) {
            throw new IOException("the broker (pid " + sampler.brokerPid() + ") is gone");
        }
    }

    private Map<String, Object> result(List<Map<String, Object>> steps, String stopReason) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("system", system);
        Map<String, Object> best = steps.stream().filter(s -> Boolean.TRUE.equals(s.get("held")))
                .reduce((a, b) -> (int) b.get("offeredRate") > (int) a.get("offeredRate") ? b : a).orElse(null);
        result.put("highestHeldRate", best == null ? 0 : best.get("offeredRate"));
        result.put("stopReason", stopReason);
        result.put("log", Logs.scan(systemLog));
        result.put("steps", steps);
        return result;
    }

    private void writeSamples(String name, long start, List<Sampler.Sample> samples, LoadProcess run) throws IOException {
        long base = samples.get(0).handled();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(dir.resolve("samples-" + name + ".jsonl"),
                StandardCharsets.UTF_8))) {
            for (Sampler.Sample s : samples) {
                double acked = s.nanos() < start ? 0 : run.ackedAt(s.nanos());
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("t", Math.round((s.nanos() - start) / 1e6) / 1e3);
                line.put("epochMs", s.epochMs());
                line.put("handled", s.handled() - base);
                line.put("acked", Math.round(acked));
                line.put("cpuSeconds", s.cpuSeconds());
                line.put("rssBytes", s.rssBytes());
                line.put("heapUsedBytes", s.reading().heapUsed());
                line.put("queueDepth", s.reading().queueDepth());
                out.print(Json.write(line).replaceAll("\\s*\n\\s*", " ").trim() + "\n");
            }
        }
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    static void log(String format, Object... args) {
        System.err.printf("[bench] " + format + "%n", args);
    }
}
