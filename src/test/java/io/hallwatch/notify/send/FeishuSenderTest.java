package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.NOW_SECONDS;
import static io.hallwatch.notify.send.Fixtures.SECRET;
import static io.hallwatch.notify.send.Fixtures.endpoint;
import static io.hallwatch.notify.send.Fixtures.json;
import static io.hallwatch.notify.send.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.notify.ChannelKind;
import io.hallwatch.notify.send.SendResult.Status;
import io.hallwatch.support.HttpReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Feishu/Lark custom bot: signature in the body, text and card formats, code handling. */
class FeishuSenderTest {

    private static final String OK = "{\"code\":0,\"data\":{},\"msg\":\"success\"}";
    private static final String PATH = "/open-apis/bot/v2/hook/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0";

    @Test
    void feishuSignsWithTimestampAndSecretAsTheKeyAsDocumented() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            SendResult result = send(receiver, SECRET, false);

            assertEquals(Status.DELIVERED, result.status());
            ObjectNode expected = JsonNodeFactory.instance.objectNode();
            expected.put("timestamp", Long.toString(NOW_SECONDS));
            expected.put("sign", documentedSign(NOW_SECONDS, SECRET));
            expected.put("msg_type", "text");
            expected.putObject("content").put("text", "3号窗口空岗 12 分钟");
            assertEquals(expected, json(receiver.only().body()));
        }
    }

    @Test
    void feishuPostsJsonToTheHookUrlAsGiven() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, SECRET, false);

            HttpReceiver.Request request = receiver.only();
            assertEquals("POST", request.method());
            assertEquals(PATH, request.pathAndQuery());
            assertEquals("application/json", request.header("Content-Type"));
        }
    }

    @Test
    void feishuLeavesOutTimestampAndSignWithoutASecret() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, null, false);

            String expected = "{\"msg_type\":\"text\",\"content\":{\"text\":\"3号窗口空岗 12 分钟\"}}";
            assertEquals(json(expected), json(receiver.only().body()));
        }
    }

    @Test
    void feishuSendsMarkdownAsACardWithTitleAndMarkdownElement() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, null, true);

            String card = "{\"msg_type\":\"interactive\",\"card\":{"
                    + "\"header\":{\"title\":{\"tag\":\"plain_text\",\"content\":\"3号窗口空岗\"}},"
                    + "\"elements\":[{\"tag\":\"markdown\",\"content\":\"**3号窗口** 空岗 12 分钟\"}]}}";
            assertEquals(json(card), json(receiver.only().body()));
        }
    }

    @Test
    void feishuFrequencyLimitIsRetriedAfterAMinute() throws Exception {
        for (int code : new int[] {9499, 11232}) {
            String answer = "{\"code\":" + code + ",\"data\":{},\"msg\":\"frequency limited\"}";
            try (HttpReceiver receiver = new HttpReceiver(200, answer)) {
                SendResult result = send(receiver, SECRET, false);

                assertEquals(Status.RETRY, result.status(), "code " + code);
                assertEquals(Duration.ofSeconds(60), result.retryAfter());
            }
        }
    }

    @Test
    void feishuSignatureMismatchIsRejectedWhateverTheHttpStatus() throws Exception {
        String answer = "{\"code\":19021,\"data\":{},"
                + "\"msg\":\"sign match fail or timestamp is not within one hour from current time\"}";
        try (HttpReceiver receiver = new HttpReceiver(200, answer).then(400, answer, Map.of())) {
            for (int attempt = 0; attempt < 2; attempt++) {
                SendResult result = send(receiver, SECRET, false);

                assertEquals(Status.REJECTED, result.status());
                assertTrue(result.detail().contains("19021"), result.detail());
                assertTrue(result.detail().contains("sign match fail"), result.detail());
            }
        }
    }

    @Test
    void feishuLegacyStatusCodeZeroIsDelivered() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "{\"Extra\":null,\"StatusCode\":0,\"StatusMessage\":\"success\"}")) {
            assertEquals(Status.DELIVERED, send(receiver, SECRET, false).status());
        }
    }

    private static SendResult send(HttpReceiver receiver, String secret, boolean markdown) {
        return Fixtures.senders().send(endpoint(ChannelKind.FEISHU, receiver.url(PATH), secret, markdown), message());
    }

    /** Feishu's published algorithm: Base64(HmacSHA256(key = timestamp + "\n" + secret, data = empty)). */
    private static String documentedSign(long timestamp, String secret) throws Exception {
        String stringToSign = timestamp + "\n" + secret;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(stringToSign.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(new byte[] {}));
    }
}
