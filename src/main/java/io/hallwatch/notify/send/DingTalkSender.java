package io.hallwatch.notify.send;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.platform.Json;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * DingTalk (钉钉) custom robot. With a secret (加签), appends {@code timestamp=T&sign=S} to the webhook
 * URL, T being epoch milliseconds and S = urlEncode(base64(HmacSHA256(key = secret, data = T + "\n" +
 * secret))), all UTF-8. Body {@code {"msgtype":"text","text":{"content":…}}} or
 * {@code {"msgtype":"markdown","markdown":{"title":…,"text":…}}}. Answers: {@code errcode} 0
 * delivered; 130101 (sending too fast) and 660026 retried after a minute; 310000 (signature, keyword
 * or IP check failed) and any other code rejected.
 */
final class DingTalkSender implements ChannelSender {

    private final VendorReply replies =
            new VendorReply("DingTalk", Set.of(130101, 660026), new VendorReply.Fields("errcode", "errmsg"));
    private final JsonPoster poster;

    DingTalkSender(JsonPoster poster) {
        this.poster = poster;
    }

    @Override
    public SendResult send(Endpoint endpoint, Outgoing message) {
        URI url = signedUrl(endpoint, poster.clock().millis());
        return poster.post(url, body(endpoint, message), Map.of(), replies::read);
    }

    static URI signedUrl(Endpoint endpoint, long millis) {
        URI url = endpoint.url();
        if (!ChannelSender.hasSecret(endpoint)) {
            return url;
        }
        String secret = endpoint.secret();
        String sign = Signing.base64(Signing.hmacSha256(secret, millis + "\n" + secret));
        String separator = url.getRawQuery() == null ? "?" : "&";
        String query = "timestamp=" + millis + "&sign=" + URLEncoder.encode(sign, StandardCharsets.UTF_8);
        return URI.create(url + separator + query);
    }

    static String body(Endpoint endpoint, Outgoing message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (endpoint.markdown()) {
            root.put("msgtype", "markdown");
            root.putObject("markdown")
                    .put("title", ChannelSender.title(message))
                    .put("text", ChannelSender.markdown(message));
        } else {
            root.put("msgtype", "text");
            root.putObject("text").put("content", ChannelSender.text(message));
        }
        return Json.write(root);
    }
}
