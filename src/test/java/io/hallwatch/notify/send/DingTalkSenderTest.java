package io.hallwatch.notify.send;

import static io.hallwatch.notify.send.Fixtures.NOW_MILLIS;
import static io.hallwatch.notify.send.Fixtures.SECRET;
import static io.hallwatch.notify.send.Fixtures.endpoint;
import static io.hallwatch.notify.send.Fixtures.json;
import static io.hallwatch.notify.send.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.notify.ChannelKind;
import io.hallwatch.notify.send.SendResult.Status;
import io.hallwatch.support.HttpReceiver;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** DingTalk custom robot: 加签 in the URL, body format, errcode handling. */
class DingTalkSenderTest {

    private static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
    private static final String PATH = "/robot/send?access_token=9f8e7d6c5b4a39281706f5e4d3c2b1a0";

    @Test
    void dingTalkSignsTimestampAndSecretAsDocumented() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            SendResult result = send(receiver, PATH, SECRET, false);

            assertEquals(Status.DELIVERED, result.status());
            String expectedSign = URLEncoder.encode(documentedSign(NOW_MILLIS, SECRET), StandardCharsets.UTF_8);
            assertEquals(PATH + "&timestamp=" + NOW_MILLIS + "&sign=" + expectedSign, receiver.only().pathAndQuery());
            assertEquals(documentedSign(NOW_MILLIS, SECRET), URLDecoder.decode(expectedSign, StandardCharsets.UTF_8));
        }
    }

    @Test
    void dingTalkStartsTheQueryWhenTheUrlHasNone() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, "/robot/send", SECRET, false);

            assertTrue(receiver.only().pathAndQuery().startsWith("/robot/send?timestamp=" + NOW_MILLIS + "&sign="));
        }
    }

    @Test
    void dingTalkLeavesTheUrlAsGivenWithoutASecret() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, PATH, null, false);

            assertEquals(PATH, receiver.only().pathAndQuery());
        }
    }

    @Test
    void dingTalkPostsTextAsJson() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, PATH, SECRET, false);

            HttpReceiver.Request request = receiver.only();
            assertEquals("POST", request.method());
            assertEquals("application/json", request.header("Content-Type"));
            assertEquals(json("{\"msgtype\":\"text\",\"text\":{\"content\":\"3号窗口空岗 12 分钟\"}}"), json(request.body()));
        }
    }

    @Test
    void dingTalkSendsMarkdownWithTitleAndText() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, OK)) {
            send(receiver, PATH, SECRET, true);

            String expected = "{\"msgtype\":\"markdown\","
                    + "\"markdown\":{\"title\":\"3号窗口空岗\",\"text\":\"**3号窗口** 空岗 12 分钟\"}}";
            assertEquals(json(expected), json(receiver.only().body()));
        }
    }

    @Test
    void dingTalkSendingTooFastIsRetriedAfterAMinute() throws Exception {
        for (int code : new int[] {130101, 660026}) {
            try (HttpReceiver receiver = new HttpReceiver(200, "{\"errcode\":" + code + ",\"errmsg\":\"send too fast\"}")) {
                SendResult result = send(receiver, PATH, SECRET, false);

                assertEquals(Status.RETRY, result.status(), "errcode " + code);
                assertEquals(Duration.ofSeconds(60), result.retryAfter());
            }
        }
    }

    @Test
    void dingTalkFailedSignatureCheckIsRejected() throws Exception {
        try (HttpReceiver receiver = new HttpReceiver(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}")) {
            SendResult result = send(receiver, PATH, SECRET, false);

            assertEquals(Status.REJECTED, result.status());
            assertTrue(result.detail().contains("310000"), result.detail());
            assertTrue(result.detail().contains("sign not match"), result.detail());
            assertFalse(result.detail().contains(SECRET));
        }
    }

    private static SendResult send(HttpReceiver receiver, String path, String secret, boolean markdown) {
        return Fixtures.senders().send(endpoint(ChannelKind.DINGTALK, receiver.url(path), secret, markdown), message());
    }

    /** DingTalk's published algorithm: Base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret)). */
    private static String documentedSign(long timestamp, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] signData = mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signData);
    }
}
