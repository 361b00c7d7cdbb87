package io.hallwatch.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;

/**
 * Handles one inbound message: parse the topic and payload (pure), pass the registry gate, and
 * either count it as accepted or count and store it as rejected. Infrastructure failures (the
 * database is down) are thrown to the pipeline, which retries.
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

    public void handle(InboundMessage message) {
        Optional<DeviceTopic> topic = Optional.empty();
        try {
            topic = Optional.of(DeviceTopic.parse(message.topic()));
            DeviceMessage parsed = parser.parse(topic.get(), message.payload(), clock.instant());
            gate.apply(topic.get(), parsed, message);
            metrics.accepted(topic.get().kindSegment());
        } catch (MessageRejectedException e) {
            reject(message, topic, e.reason(), e.detail());
        }
        metrics.handled(message.receivedNanos());
    }

    /** Keeps a message that could not be handled even after retries, so that it is not lost. */
    public void giveUp(InboundMessage message, Exception cause) {
        Optional<DeviceTopic> topic = Optional.empty();
        try {
            topic = Optional.of(DeviceTopic.parse(message.topic()));
        } catch (MessageRejectedException e) {
            // The topic was fine when the failure happened, or this would have been a rejection.
        }
        reject(message, topic, RejectionReason.PROCESSING_FAILED, String.valueOf(cause.getMessage()));
    }

    private void reject(InboundMessage message, Optional<DeviceTopic> topic, RejectionReason reason, String detail) {
        rejections.record(message, topic, reason, detail);
        metrics.rejected(reason);
    }
}
