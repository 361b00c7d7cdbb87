package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.endpoint;
import static io.hallwatch.notify.send.Fixtures.json;
import static io.hallwatch.notify.send.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.notify.ChannelKind;
import io.hallwatch.notify.send.SendResult.Status;
import io.hallwatch.support.HttpReceiver;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WeCom group robot: request format, errcode handling, and the byte limits on content. */
class WeComSenderTest {

    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private static final String PATH = "/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

    @Test
    void weComPostsTextToTheWebhookUrlAsGiven() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            SendResult result = send(receiver, false, message());

            assertEquals(Status.DELIVERED, result.status());
            HttpReceiver.Request request = receiver.only();
            assertEquals("POST", request.method());
            assertEquals(PATH, request.pathAndQuery());
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(json("{\"msgtype\":\"text\",\"text\":{\"content\":\"3号窗口空岗 12 分钟\"}}"), json(request.body()));
        }
    }

    @Test
    void weComSendsMarkdownContentWhenTheChannelPrefersMarkdown() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, true, message());

            assertEquals(json("{\"msgtype\":\"markdown\",\"markdown\":{\"content\":\"**3号窗口** 空岗 12 分钟\"}}"),
                    json(receiver.only().body()));
        }
    }

    @Test
    void weComFrequencyLimitIsRetriedAfterAMinute() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}")) {
            SendResult result = send(receiver, false, message());

            assertEquals(Status.RETRY, result.status());
            assertEquals(Duration.ofSeconds(60), result.retryAfter());
        }
    }

    @Test
    void weComInvalidWebhookUrlIsRejectedWithErrcodeAndErrmsg() throws Exception {
        String answer = "{\"errcode\":93000,\"errmsg\":\"invalid webhook url, hint: [x]\"}";
        try (HttpReceiver receiver = new HttpReceiver(200, answer)) {
            SendResult result = send(receiver, false, message());

            assertEquals(Status.REJECTED, result.status());
            assertTrue(result.detail().contains("93000"), result.detail());
            assertTrue(result.detail().contains("invalid webhook url"), result.detail());
        }
    }

    @Test
    void weComCutsOverLongChineseTextToValidUtf8UnderTheTextLimit() throws Exception {
        String longText = "三号窗口空岗超过十二分钟请尽快安排人员补位。".repeat(200);
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, false, new Outgoing("t", longText, null, null, "d"));

            String content = content(receiver.only(), "text");
            int bytes = Utf8Text.byteLength(content);
            assertTrue(bytes <= WeComSender.TEXT_LIMIT, "bytes: " + bytes);
            assertTrue(bytes > WeComSender.TEXT_LIMIT - 6, "cut no shorter than needed: " + bytes);
            assertTrue(content.endsWith("…"));
            assertTrue(longText.startsWith(content.substring(0, content.length() - 1)));
        }
    }

    @Test
    void weComCutsOverLongMarkdownUnderTheMarkdownLimit() throws Exception {
        String longMarkdown = "**空岗** 😀 ".repeat(1000);
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, true, new Outgoing("t", "x", longMarkdown, null, "d"));

            String content = content(receiver.only(), "markdown");
            assertTrue(Utf8Text.byteLength(content) <= WeComSender.MARKDOWN_LIMIT);
            assertTrue(content.endsWith("…"));
        }
    }

    @Test
    void weComAnswerWithoutErrcodeOnHttp200IsRetried() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "<html>gateway</html>").then(200, "{\"ok\":true}", Map.of())) {
            assertEquals(Status.RETRY, send(receiver, false, message()).status());
            assertEquals(Status.RETRY, send(receiver, false, message()).status());
        }
    }

    private static SendResult send(HttpReceiver receiver, boolean markdown, Outgoing message) {
        URI url = receiver.url(PATH);
        return Fixtures.senders().send(endpoint(ChannelKind.WECOM, url, null, markdown), message);
    }

    /** Decodes the body strictly, so that a character split by the cut fails the test. */
    private static String content(HttpReceiver.Request request, String type) throws CharacterCodingException {
        String body = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(request.bodyBytes()))
                .toString();
        assertEquals(type, json(body).get("msgtype").asText());
        return json(body).get(type).get("content").asText();
    }
}
