package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.SECRET;
import static io.hallwatch.notify.send.Fixtures.endpoint;
import static io.hallwatch.notify.send.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.notify.ChannelKind;
import io.hallwatch.notify.send.SendResult.Status;
import io.hallwatch.support.HttpReceiver;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every channel kind does alike: HTTP statuses, Retry-After, network failures, safe details. */
class SendersTest {

    private static final String TOKEN = "tok-5e4d3c2b1a0f9e8d";
    private static final String PATH = "/robot/send?access_token=" + TOKEN;

    @Test
    void serverErrorIsRetriedWithoutAWaitOnEveryKind() throws Exception {
        for (ChannelKind kind : ChannelKind.values()) {
            try (HttpReceiver receiver = new HttpReceiver(500, "{\"errcode\":0}")) {
                SendResult result = send(receiver, kind);

                assertEquals(Status.RETRY, result.status(), kind.name());
                assertNull(result.retryAfter(), kind.name());
            }
        }
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheSecondsInRetryAfterOnEveryKind() throws Exception {
        for (ChannelKind kind : ChannelKind.values()) {
            try (HttpReceiver receiver = new HttpReceiver(200, "{}").then(429, "", Map.of("Retry-After", "7"))) {
                SendResult result = send(receiver, kind);

                assertEquals(Status.RETRY, result.status(), kind.name());
                assertEquals(Duration.ofSeconds(7), result.retryAfter(), kind.name());
            }
        }
    }

    @Test
    void unavailableIsRetriedAfterTheHttpDateInRetryAfter() throws Exception {
        Map<String, String> header = Map.of("Retry-After", "Tue, 04 Mar 2025 05:07:07 GMT");
        try (HttpReceiver receiver = new HttpReceiver(200, "{}").then(503, "down", header)) {
            SendResult result = send(receiver, ChannelKind.WEBHOOK);

            assertEquals(Status.RETRY, result.status());
            assertEquals(Duration.ofSeconds(60).minusMillis(89), result.retryAfter());
        }
    }

    @Test
    void tooManyRequestsWithoutRetryAfterIsRetriedWithoutAWait() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(429, "")) {
            SendResult result = send(receiver, ChannelKind.FEISHU);

            assertEquals(Status.RETRY, result.status());
            assertNull(result.retryAfter());
        }
    }

    @Test
    void requestTimeoutStatusIsRetried() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(408, "")) {
            assertEquals(Status.RETRY, send(receiver, ChannelKind.WECOM).status());
        }
    }

    @Test
    void otherClientErrorsAreRejectedOnEveryKind() throws Exception {
        for (ChannelKind kind : ChannelKind.values()) {
            try (HttpReceiver receiver = new HttpReceiver(404, "<html>not found</html>")) {
                SendResult result = send(receiver, kind);

                assertEquals(Status.REJECTED, result.status(), kind.name());
                assertTrue(result.detail().contains("404"), result.detail());
            }
        }
    }

    @Test
    void unreadableHttp200FromAVendorIsRetried() throws Exception {
        for (ChannelKind kind : new ChannelKind[] {ChannelKind.WECOM, ChannelKind.DINGTALK, ChannelKind.FEISHU}) {
            try (HttpReceiver receiver = new HttpReceiver(200, "<html>upstream gateway</html>")) {
                assertEquals(Status.RETRY, send(receiver, kind).status(), kind.name());
            }
        }
    }

    @Test
    void closedPortIsRetriedWithoutThrowing() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + port + PATH);
        for (ChannelKind kind : ChannelKind.values()) {
            SendResult result = Fixtures.senders().send(endpoint(kind, url, SECRET, false), message());

            assertEquals(Status.RETRY, result.status(), kind.name());
            assertFalse(result.detail().contains(TOKEN), result.detail());
        }
    }

    @Test
    void slowChannelTimesOutAndIsRetried() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (HttpReceiver receiver = new HttpReceiver(200, "{}").thenHeldUntil(release)) {
            Endpoint endpoint = endpoint(ChannelKind.WEBHOOK, receiver.url(PATH), SECRET, false);
            SendResult result;
            try {
                result = Fixtures.senders(Duration.ofMillis(300)).send(endpoint, message());
            } finally {
                // Released before the receiver closes, which waits for the held answer to finish.
                release.countDown();
            }

            assertEquals(Status.RETRY, result.status());
            assertTrue(result.detail().contains("timed out"), result.detail());
        }
    }

    @Test
    void interruptedCallerGetsRetryAndKeepsItsInterruptFlag() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "{\"errcode\":0}")) {
            Thread.currentThread().interrupt();
            SendResult result = send(receiver, ChannelKind.WECOM);

            assertTrue(Thread.interrupted(), "interrupt flag kept");
            assertEquals(Status.RETRY, result.status());
        }
    }

    @Test
    void nonHttpUrlIsRejected() {
        Endpoint endpoint = endpoint(ChannelKind.WECOM, URI.create("ftp://example.org/send?key=" + TOKEN), null, false);
        SendResult result = Fixtures.senders().send(endpoint, message());

        assertEquals(Status.REJECTED, result.status());
        assertFalse(result.detail().contains(TOKEN));
    }

    @Test
    void missingEndpointIsRejected() {
        assertEquals(Status.REJECTED, Fixtures.senders().send(null, message()).status());
    }

    @Test
    void secretAndUrlTokenNeverAppearInTheDetailEvenWhenTheChannelEchoesThem() throws Exception {
        for (ChannelKind kind : ChannelKind.values()) {
            try (HttpReceiver receiver = new HttpReceiver(400, "")) {
                String echo = "bad request to " + receiver.url(PATH) + " signed with " + SECRET + " token " + TOKEN;
                String answer = "{\"errcode\":310000,\"errmsg\":\"" + echo + "\","
                        + "\"code\":19021,\"msg\":\"" + echo + "\"}";
                receiver.then(200, answer, Map.of());
                SendResult result = send(receiver, kind);

                assertFalse(result.detail().contains(SECRET), result.detail());
                assertFalse(result.detail().contains(TOKEN), result.detail());
                assertFalse(result.detail().contains(PATH), result.detail());
            }
        }
    }

    @Test
    void longVendorMessageIsCutToAShortDetail() throws Exception {
        String errmsg = "x".repeat(1000);
        try (HttpReceiver receiver = new HttpReceiver(200, "{\"errcode\":93000,\"errmsg\":\"" + errmsg + "\"}")) {
            SendResult result = send(receiver, ChannelKind.WECOM);

            assertEquals(Status.REJECTED, result.status());
            assertTrue(result.detail().length() <= Redaction.MAX_DETAIL, "length " + result.detail().length());
            assertTrue(result.detail().startsWith("HTTP 200, errcode 93000: xxx"), result.detail());
        }
    }

    private static SendResult send(HttpReceiver receiver, ChannelKind kind) {
        return Fixtures.senders().send(endpoint(kind, receiver.url(PATH), SECRET, false), message());
    }
}
