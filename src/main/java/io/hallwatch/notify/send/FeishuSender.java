package io.hallwatch.notify.send;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.platform.Json;
import java.util.Map;
import java.util.Set;

/**
 * Feishu/Lark custom bot. Text body {@code {"timestamp":"T","sign":S,"msg_type":"text","content":{"text":…}}};
 * markdown goes as a message card (card JSON 1.0): {@code "msg_type":"interactive","card":{"header":
 * {"title":{"tag":"plain_text","content":TITLE}},"elements":[{"tag":"markdown","content":…}]}}. With a
 * secret, T is epoch seconds as a string and S = base64(HmacSHA256(key = T + "\n" + secret, data =
 * nothing)), as Feishu documents it (unlike DingTalk, the string to sign is the key); without one,
 * timestamp and sign are left out. Answers: {@code code} (or the legacy {@code StatusCode}) 0
 * delivered; 9499 and 11232 (frequency limited) retried after a minute; 19021 (signature mismatch or
 * stale timestamp), 19024 (keyword missing) and any other code rejected.
 */
final class FeishuSender implements ChannelSender {

    private final VendorReply replies = new VendorReply("Feishu", Set.of(9499, 11232),
            new VendorReply.Fields("code", "msg"), new VendorReply.Fields("StatusCode", "StatusMessage"));
    private final JsonPoster poster;

    FeishuSender(JsonPoster poster) {
        this.poster = poster;
    }

    @Override
    public SendResult send(Endpoint endpoint, Outgoing message) {
        long seconds = poster.clock().instant().getEpochSecond();
        return poster.post(endpoint.url(), body(endpoint, message, seconds), Map.of(), replies::read);
    }

    static String body(Endpoint endpoint, Outgoing message, long seconds) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (ChannelSender.hasSecret(endpoint)) {
            root.put("timestamp", Long.toString(seconds));
            root.put("sign", sign(seconds, endpoint.secret()));
        }
        if (endpoint.markdown()) {
            root.put("msg_type", "interactive");
            card(root.putObject("card"), message);
        } else {
            root.put("msg_type", "text");
            root.putObject("content").put("text", ChannelSender.text(message));
        }
        return Json.write(root);
    }

    static String sign(long seconds, String secret) {
        return Signing.base64(Signing.hmacSha256(seconds + "\n" + secret, ""));
    }

    private static void card(ObjectNode card, Outgoing message) {
        card.putObject("header").putObject("title")
                .put("tag", "plain_text")
                .put("content", ChannelSender.title(message));
        card.putArray("elements").addObject()
                .put("tag", "markdown")
                .put("content", ChannelSender.markdown(message));
    }
}
