package io.hallwatch.ingest;

import java.time.Instant;

/**
 * A message as the MQTT client received it. {@code ack} confirms it to the broker once it has been
 * handled (accepted or stored as a rejection), so that a crash before then means redelivery, not loss.
 */
public record InboundMessage(String topic, byte[] payload, boolean retained, Instant receivedAt,
        long receivedNanos, Runnable ack) {

    /** The hall segment of the topic, used to keep one hall's messages on one worker. */
    public String hallKey() {
        int first = topic.indexOf('/', Topics.ROOT.length());
        int second = first < 0 ? -1 : topic.indexOf('/', first + 1);
        return second < 0 ? topic : topic.substring(first + 1, second);
    }
}
