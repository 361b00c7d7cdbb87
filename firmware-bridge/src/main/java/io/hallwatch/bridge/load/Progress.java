package io.hallwatch.bridge.load;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a load run's progress once a second while it lasts: elapsed time, the phase, the rate of
 * acknowledgements over the last second against the target, messages in flight and errors so far.
 */
final class Progress {

    private final PrintWriter out;
    private final LoadStats stats;
    private final List<Publisher> publishers;
    private final LoadSettings settings;
    private final long start;
    private final ScheduledExecutorService timer;
    private long lastAcked;
    private long lastNanos;

    Progress(PrintWriter out, LoadStats stats, List<Publisher> publishers, LoadSettings settings, long start) {
        this.out = out;
        this.stats = stats;
        this.publishers = publishers;
        this.settings = settings;
        this.start = start;
        this.lastNanos = start;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "load-progress");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleAtFixedRate(this::print, 1, 1, TimeUnit.SECONDS);
    }

    private void print() {
        long now = System.nanoTime();
        long acked = stats.acked();
        double rate = (acked - lastAcked) * 1e9 / Math.max(1, now - lastNanos);
        lastAcked = acked;
        lastNanos = now;
        String phase = now < stats.measureFrom() ? "warm-up" : now < stats.measureUntil() ? "measuring" : "draining";
        long inFlight = publishers.stream().mapToLong(Publisher::inFlight).sum();
        out.printf("load: %5.1fs %-9s acked %8.0f/s of %.0f/s target, sent %d, acked %d, in flight %d, errors %d%n",
                (now - start) / 1e9, phase, rate, settings.rate(), stats.sent(), acked, inFlight, stats.errorTotal());
        out.flush();
    }

    void close() {
        timer.shutdownNow();
    }
}
