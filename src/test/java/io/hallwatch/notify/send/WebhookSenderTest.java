package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.NOW_SECONDS;
import static io.hallwatch.notify.send.Fixtures.SECRET;
import static io.hallwatch.notify.send.Fixtures.endpoint;
import static io.hallwatch.notify.send.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.notify.ChannelKind;
import io.hallwatch.notify.send.SendResult.Status;
import io.hallwatch.support.HttpReceiver;
import java.nio.charset.StandardCharsets;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Generic webhook: the body as given, delivery headers, the signature header, status handling. */
class WebhookSenderTest {

    private static final String PATH = "/hooks/hallwatch";

    @Test
    void webhookPostsTheJsonBodyByteForByteWithDeliveryHeaders() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "")) {
            SendResult result = send(receiver, SECRET, message());

            assertEquals(Status.DELIVERED, result.status());
            HttpReceiver.Request request = receiver.only();
            assertEquals("POST", request.method());
            assertEquals(PATH, request.pathAndQuery());
            assertArrayEquals(message().json().getBytes(StandardCharsets.UTF_8), request.bodyBytes());
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals("dlv-7f3a", request.header("X-HallWatch-Delivery"));
            assertEquals(Long.toString(NOW_SECONDS), request.header("X-HallWatch-Timestamp"));
        }
    }

    @Test
    void webhookSignsTimestampDotBodyWithTheSecret() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "")) {
            send(receiver, SECRET, message());

            HttpReceiver.Request request = receiver.only();
            String signed = request.header("X-HallWatch-Timestamp") + "." + request.body();
            assertEquals("sha256=" + hmacHex(SECRET, signed), request.header("X-HallWatch-Signature"));
        }
    }

    @Test
    void webhookSendsNoSignatureWithoutASecret() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "")) {
            send(receiver, null, message());

            assertNull(receiver.only().header("X-HallWatch-Signature"));
        }
    }

    @Test
    void webhookTreatsAny2xxAsDelivered() throws Exception {
        for (int status : new int[] {200, 201, 202, 204}) {
            try (HttpReceiver receiver = new HttpReceiver(status, "")) {
                assertEquals(Status.DELIVERED, send(receiver, SECRET, message()).status(), "HTTP " + status);
            }
        }
    }

    @Test
    void webhookClientErrorIsRejectedWithTheStatus() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(401, "{\"error\":\"bad signature\"}")) {
            SendResult result = send(receiver, SECRET, message());

            assertEquals(Status.REJECTED, result.status());
            assertTrue(result.detail().contains("401"), result.detail());
        }
    }

    @Test
    void webhookMessageWithoutJsonIsRejectedWithoutARequest() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "")) {
            SendResult result = send(receiver, SECRET, new Outgoing("t", "text", null, null, "d"));

            assertEquals(Status.REJECTED, result.status());
            assertTrue(receiver.requests().isEmpty());
        }
    }

    private static SendResult send(HttpReceiver receiver, String secret, Outgoing message) {
        return Fixtures.senders().send(endpoint(ChannelKind.WEBHOOK, receiver.url(PATH), secret, false), message);
    }

    private static String hmacHex(String key, String data) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        StringBuilder hex = new StringBuilder();
        for (byte b : mac.doFinal(data.getBytes(StandardCharsets.UTF_8))) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }
}
