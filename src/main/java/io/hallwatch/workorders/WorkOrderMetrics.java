package io.hallwatch.workorders;

import io.hallwatch.platform.LatencyHistogram;
import io.hallwatch.platform.TransactionEnd;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code hallwatch_workorders_open_latency_seconds{type,trigger}}: from the evidence's instant (the
 * {@code ts} of the device message that opened or re-opened the order, or the due instant a rule tick
 * acted on) to the order's commit. {@code trigger} is {@code message} inside an ingest batch and
 * {@code tick} otherwise; a rolled-back order is not counted.
 */
@ApplicationScoped
public class WorkOrderMetrics {

    /** Set by ingest on its batch transactions, so that orders opened there count as {@code trigger=message}. */
    public static final String MESSAGE_TRANSACTION = "hallwatch.workorders.trigger-message";

    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    WorkOrderMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** An order of this type was opened in the current transaction on evidence from {@code at}. */
    void opened(WorkOrderType type, Instant at) {
        String trigger = transactions.getResource(MESSAGE_TRANSACTION) != null ? "message" : "tick";
        Timer timer = timers.computeIfAbsent(type.name() + '|' + trigger, key -> LatencyHistogram.timer(
                "hallwatch.workorders.open.latency", "Time from the evidence that opened a work order to its commit")
                .tag("type", type.name()).tag("trigger", trigger).register(registry));
        long evidence = at.toEpochMilli();
        TransactionEnd.onCommit(transactions, () -> timer.record(LatencyHistogram.since(evidence)));
    }
}
