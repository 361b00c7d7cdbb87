package io.hallwatch.ingest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Handles inbound messages in batches: parse each topic and payload (pure), pass the registry gate,
 * and count each as accepted or count and store it as rejected, all of a batch in one database
 * transaction, so that a busy hall costs one commit per batch rather than per message. Rejections
 * change no state, since the gate checks everything before it changes anything. Infrastructure
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
    IngestProcessor(IngestConfig config) {
        this.parser = new PayloadParser(config.maxFutureSkew());
    }

    /** What became of one message; applied to the metrics only once the batch is committed. */
    private record Outcome(InboundMessage message, String acceptedKind, RejectionReason rejection) {
    }

    public void handle(List<InboundMessage> batch) {
        List<Outcome> outcomes = new ArrayList<>(batch.size());
        QuarkusTransaction.requiringNew().run(() -> {
            outcomes.clear();
            for (InboundMessage message : batch) {
                outcomes.add(handleOne(message));
            }
        });
        for (Outcome outcome : outcomes) {
            if (outcome.rejection() == null) {
                metrics.accepted(outcome.acceptedKind());
            } else {
                metrics.rejected(outcome.rejection());
            }
            metrics.handled(outcome.message().receivedNanos());
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
            return new Outcome(message, topic.get().kindSegment(), null);
        } catch (MessageRejectedException e) {
            rejections.record(message, topic, e.reason(), e.detail());
            return new Outcome(message, null, e.reason());
        }
    }
}
