package io.hallwatch.ingest;

import io.hallwatch.platform.LatencyHistogram;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Ingest meters at {@code /q/metrics}: {@code hallwatch_ingest_accepted_total{kind}},
 * {@code hallwatch_ingest_rejected_total{reason}} (every reason registered at zero),
 * {@code hallwatch_ingest_queue_depth}, {@code hallwatch_ingest_handling_seconds} (from receipt
 * to handled) and the histogram {@code hallwatch_ingest_latency_seconds} (from a reading's {@code ts} to
 * its batch committed: what the device waits, broker and queues included).
 */
@ApplicationScoped
public class IngestMetrics {

    private final MeterRegistry registry;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Map<String, Counter> accepted = new ConcurrentHashMap<>();
    private final Timer handling;
    private final Timer latency;

    @Inject
    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder("hallwatch.ingest.rejected")
                    .description("MQTT messages rejected, by reason").tag("reason", reason.name())
                    .register(registry));
        }
        handling = Timer.builder("hallwatch.ingest.handling")
                .description("Time from receipt of an MQTT message to the end of its handling")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        latency = LatencyHistogram.timer("hallwatch.ingest.latency",
                "Time from a reading's ts (device clock) to its batch committed").register(registry);
    }

    void accepted(String kind) {
        accepted.computeIfAbsent(kind, k -> Counter.builder("hallwatch.ingest.accepted")
                .description("MQTT messages accepted, by topic kind").tag("kind", k).register(registry))
                .increment();
    }

    void rejected(RejectionReason reason) {
        rejected.get(reason).increment();
    }

    void handled(long receivedNanos) {
        handling.record(Duration.ofNanos(System.nanoTime() - receivedNanos));
    }

    /** A reading with this {@code ts} was committed just now. */
    void committed(Instant ts) {
        latency.record(LatencyHistogram.since(ts.toEpochMilli()));
    }

    void queueDepth(Supplier<Number> depth) {
        Gauge.builder("hallwatch.ingest.queue.depth", depth, s -> s.get().doubleValue())
                .description("MQTT messages received and waiting for a worker")
                .strongReference(true)
                .register(registry);
    }
}
