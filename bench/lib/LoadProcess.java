import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One run of {@code firmware-bridge load} as a child process. Its once-a-second progress on stderr
 * tells when its clock started (the first line says how long ago) and how many messages the broker
 * had acknowledged by then, so the harness can place the measured period on its own clock and
 * interpolate the acknowledged count at any of its samples. Everything load prints is kept in its log.
 */
final class LoadProcess {

    private static final Pattern PROGRESS = Pattern.compile(
            "load:\\s+([\\d.]+)s\\s+\\S+\\s+acked\\s+[\\d.]+/s.*sent (\\d+), acked (\\d+), in flight (\\d+), errors (\\d+)");

    /** Load's counters as a progress line gave them, at the harness's nanoTime of reading it. */
    record Progress(long nanos, long sent, long acked, long errors) {
    }

    /** What bench/run tells every load run: the generator, the broker and the devices. */
    record Settings(Path bridgeJar, String brokerUrl, String user, Path passwordFile, Path devicesCsv, int qos,
            int connections, List<String> javaOptions) {
    }

    private final Process process;
    private final Path log;
    private final Path report;
    /** Warm-up plus measured period: when, after its start, load stops publishing. */
    private final long publishNanos;
    private final List<Progress> progress = new ArrayList<>();
    private volatile long startNanos = -1;
    /** Released by the first progress line, or when load's output ends without one. */
    private final CountDownLatch started = new CountDownLatch(1);

    private LoadProcess(Process process, Path log, Path report, Duration publishing) {
        this.process = process;
        this.log = log;
        this.report = report;
        this.publishNanos = publishing.toNanos();
    }

    static LoadProcess start(Settings s, int rate, Duration warmup, Duration duration, Path dir, String name)
            throws IOException {
        Path log = dir.resolve(name + ".log");
        Path report = dir.resolve(name + ".json");
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(s.javaOptions());
        command.addAll(List.of("-jar", s.bridgeJar().toString(), "load", "--broker", s.brokerUrl(),
                "--username", s.user(), "--password-file", s.passwordFile().toString(),
                "--devices-csv", s.devicesCsv().toString(),
                "--rate", Integer.toString(rate), "--warmup", Options.forLoad(warmup),
                "--duration", Options.forLoad(duration), "--qos", Integer.toString(s.qos()),
                "--connections", Integer.toString(s.connections()), "--json", report.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        LoadProcess load = new LoadProcess(p, log, report, warmup.plus(duration));
        Thread reader = new Thread(load::readOutput, "load-output");
        reader.setDaemon(true);
        reader.start();
        return load;
    }

    /** Waits for the first progress line; null when load ended first (see {@link #failure()}). */
    Long awaitStart(Duration timeout) throws InterruptedException {
        started.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        return startNanos < 0 ? null : startNanos;
    }

    /** Acknowledged messages at the harness's time {@code nanos}, interpolated between progress lines. */
    synchronized double ackedAt(long nanos) {
        Progress before = new Progress(startNanos, 0, 0, 0);
        for (Progress p : progress) {
            if (p.nanos >= nanos) {
                double share = (double) (nanos - before.nanos) / Math.max(1, p.nanos - before.nanos);
                return before.acked + (p.acked - before.acked) * Math.max(0, share);
            }
            before = p;
        }
        return before.acked;
    }

    /** Waits for load to end and answers its JSON report. */
    Map<String, Object> finish(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            stop();
            throw new IOException("load did not end within " + timeout.toSeconds() + " s; its log: " + log);
        }
        if (process.exitValue() != 0 || !Files.exists(report)) {
            throw new IOException(failure());
        }
        Map<String, Object> json = Json.object(Json.parse(Files.readString(report)));
        lastAcknowledged(json);
        return json;
    }

    /**
     * Load prints no progress line at the end of its period; its report's total stands for the count
     * then (at QoS 1 the last acknowledgements follow within milliseconds).
     */
    private synchronized void lastAcknowledged(Map<String, Object> json) {
        long end = startNanos + publishNanos;
        if (startNanos >= 0 && (progress.isEmpty() || progress.get(progress.size() - 1).nanos() < end)) {
            progress.add(new Progress(end, StepAnalysis.number(json.get("sent")), StepAnalysis.number(json.get("acked")),
                    StepAnalysis.number(json.get("errorTotal"))));
        }
    }

    /** Why load failed: its exit and the last lines it printed. */
    String failure() {
        String exit = process.isAlive() ? "load is still running" : "load exited with " + process.exitValue();
        return exit + "; last lines of " + log + ":\n" + Logs.tail(log, 10);
    }

    void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                long now = System.nanoTime();
                out.println(line);
                out.flush();
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    progressed(now, m);
                }
            }
        } catch (IOException e) {
            // Load ended or its pipe broke; finish() reports how it ended.
        } finally {
            started.countDown();
        }
    }

    private synchronized void progressed(long now, Matcher m) {
        if (startNanos < 0) {
            startNanos = now - Math.round(Double.parseDouble(m.group(1)) * 1e9);
            started.countDown();
        }
        progress.add(new Progress(now, Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(5))));
    }
}
