package io.hallwatch.timeseries;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Records the ingest counters every {@code hallwatch.timeseries.ingest-interval}: for each device
 * kind and rejection reason, the messages accepted or rejected since the previous point (the
 * Micrometer counters' growth), so the boards can show throughput and bad devices.
 */
@ApplicationScoped
public class IngestPoints {

    @Inject
    MeterRegistry registry;
    @Inject
    Recorder recorder;
    @Inject
    Clock clock;

    private final Map<String, Double> last = new HashMap<>();

    @Scheduled(every = "${hallwatch.timeseries.ingest-interval:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public synchronized void record() {
        if (!recorder.enabled()) {
            return;
        }
        Instant now = clock.instant();
        for (Counter c : registry.find("hallwatch.ingest.accepted").counters()) {
            point(c, c.getId().getTag("kind"), "accepted", "none", now);
        }
        for (Counter c : registry.find("hallwatch.ingest.rejected").counters()) {
            String kind = c.getId().getTag("kind");
            point(c, kind == null ? "none" : kind, "rejected", c.getId().getTag("reason"), now);
        }
    }

    private void point(Counter counter, String kind, String outcome, String reason, Instant now) {
        String key = kind + "|" + outcome + "|" + reason;
        double total = counter.count();
        long delta = Math.round(total - last.getOrDefault(key, 0.0));
        last.put(key, total);
        if (delta > 0) {
            recorder.record(Line.of("ingest").tag("kind", kind).tag("outcome", outcome).tag("reason", reason)
                    .field("count", delta).at(now));
        }
    }
}
