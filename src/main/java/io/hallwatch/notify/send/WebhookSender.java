package io.hallwatch.notify.send;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Generic webhook. POSTs {@link Outgoing#json()} byte for byte with {@code X-HallWatch-Delivery} (the
 * delivery id, the same on every retry) and {@code X-HallWatch-Timestamp} (epoch seconds); with a
 * secret also {@code X-HallWatch-Signature: sha256=HEX}, HEX being the lower-case hex of
 * HmacSHA256(key = secret, data = timestamp + "." + body), so that a receiver can check both origin
 * and freshness. Any 2xx is delivered; other 4xx (and 3xx) are rejected.
 */
final class WebhookSender implements ChannelSender {

    static final String DELIVERY = "X-HallWatch-Delivery";
    static final String TIMESTAMP = "X-HallWatch-Timestamp";
    static final String SIGNATURE = "X-HallWatch-Signature";

    private final JsonPoster poster;

    WebhookSender(JsonPoster poster) {
        this.poster = poster;
    }

    @Override
    public SendResult send(Endpoint endpoint, Outgoing message) {
        if (message.json() == null) {
            return SendResult.rejected("message has no JSON body for a webhook");
        }
        long seconds = poster.clock().instant().getEpochSecond();
        return poster.post(endpoint.url(), message.json(), headers(endpoint, message, seconds), WebhookSender::read);
    }

    static Map<String, String> headers(Endpoint endpoint, Outgoing message, long seconds) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (message.deliveryId() != null) {
            headers.put(DELIVERY, message.deliveryId());
        }
        headers.put(TIMESTAMP, Long.toString(seconds));
        if (ChannelSender.hasSecret(endpoint)) {
            String signed = seconds + "." + message.json();
            headers.put(SIGNATURE, "sha256=" + Signing.hex(Signing.hmacSha256(endpoint.secret(), signed)));
        }
        return headers;
    }

    private static SendResult read(Reply reply) {
        return reply.ok() ? SendResult.delivered(reply.statusText()) : SendResult.rejected(reply.statusText());
    }
}
