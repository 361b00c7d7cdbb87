package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import io.hallwatch.workorders.WorkOrderMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Handles inbound messages in batches: parse each topic and payload (pure), pass the registry gate,
 * and count each as accepted or count and store it as rejected, all of a batch in one database
 * transaction, so that a busy hall costs one commit per batch rather than per message. Rejections
 * change no state, since the gate checks everything before it changes anything; those that suggest a
 * device speaking for another (unknown or revoked device, another hall or kind) are also counted and
 * logged as {@link SecurityEvents security events} once committed. Infrastructure
 * failures (the database is down) roll the whole batch back and are thrown to the pipeline, which
 * retries.
 */
@ApplicationScoped
public class IngestProcessor {

    private final PayloadParser parser;

    @Inject
    RegistryGate gate;
    @Inject
    RejectionStore rejections;
    @Inject
    IngestMetrics metrics;
    @Inject
    Clock clock;
    @Inject
    Instance<BatchPreparation> preparations;
    @Inject
    SecurityEvents security;
    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    IngestProcessor(IngestConfig config) {
        this.parser = new PayloadParser(config.maxFutureSkew());
    }

    /** What became of one message; applied to the metrics only once the batch is committed. */
    private record Outcome(InboundMessage message, String acceptedKind, Instant ts, RejectionReason rejection,
            String detail) {
    }

    public void handle(List<InboundMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        QuarkusTransaction.requiringNew().run(() -> {
            outcomes.clear();
            transactions.putResource(WorkOrderMetrics.MESSAGE_TRANSACTION, Boolean.TRUE);
            prepare(batch);
            for (InboundMessage message : batch) {
                outcomes.add(handleOne(message));
            }
        });
        for (Outcome outcome : outcomes) {
            if (outcome.rejection() == null) {
                metrics.accepted(outcome.acceptedKind());
                if (outcome.ts() != null) {
                    metrics.committed(outcome.ts());
                }
            } else {
                metrics.rejected(outcome.rejection());
                SecurityEvent.of(outcome.rejection()).ifPresent(event ->
                        security.refused(event, outcome.message().topic(), outcome.detail()));
            }
            metrics.handled(outcome.message().receivedNanos());
        }
    }

    /** Loads the batch's devices in one query, and lets the features load what they need for them. */
    private void prepare(List<InboundMessage> batch) {
        Set<String> ids = new HashSet<>();
        for (InboundMessage message : batch) {
            try {
                ids.add(DeviceTopic.parse(message.topic()).device());
            } catch (MessageRejectedException e) {
                // Rejected again, and kept, when the message itself is handled.
            }
        }
        if (!ids.isEmpty()) {
            List<Device> devices = Device.list("id in ?1", ids);
            preparations.forEach(p -> p.prepare(devices));
        }
    }

    /** Keeps a message that could not be handled even after retries, so that it is not lost. */
    public void giveUp(InboundMessage message, Exception cause) {
        Optional<DeviceTopic> topic = Optional.empty();
        try {
            topic = Optional.of(DeviceTopic.parse(message.topic()));
        } catch (MessageRejectedException e) {
            // The topic was fine when the failure happened, or this would have been a rejection.
        }
        rejections.record(message, topic, RejectionReason.PROCESSING_FAILED, String.valueOf(cause.getMessage()));
        metrics.rejected(RejectionReason.PROCESSING_FAILED);
    }

    private Outcome handleOne(InboundMessage message) {
        Optional<DeviceTopic> topic = Optional.empty();
        try {
            topic = Optional.of(DeviceTopic.parse(message.topic()));
            DeviceMessage parsed = parser.parse(topic.get(), message.payload(), clock.instant());
            gate.apply(topic.get(), parsed, message);
            Instant ts = parsed instanceof DeviceMessage.Reading reading ? reading.ts() : null;
            return new Outcome(message, topic.get().kindSegment(), ts, null, null);
        } catch (MessageRejectedException e) {
            rejections.record(message, topic, e.reason(), e.detail());
            return new Outcome(message, null, null, e.reason(), e.detail());
        }
    }
}
