package io.hallwatch.notify.send;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.platform.Json;
import java.util.Map;
import java.util.Set;

/**
 * WeCom (企业微信) group robot. POSTs to the webhook URL as configured (its {@code key} parameter is the
 * credential; the robot has no signing) either {@code {"msgtype":"text","text":{"content":…}}} or
 * {@code {"msgtype":"markdown","markdown":{"content":…}}}. The content is cut to WeCom's documented
 * limits of {@value #TEXT_LIMIT} (text) and {@value #MARKDOWN_LIMIT} (markdown) UTF-8 bytes, since
 * WeCom refuses longer content outright. Answers: {@code errcode} 0 delivered, 45009 (frequency limit)
 * retried after a minute, any other code (93000: invalid webhook URL) rejected.
 */
final class WeComSender implements ChannelSender {

    static final int TEXT_LIMIT = 2048;
    static final int MARKDOWN_LIMIT = 4096;

    private final VendorReply replies =
            new VendorReply("WeCom", Set.of(45009), new VendorReply.Fields("errcode", "errmsg"));
    private final JsonPoster poster;

    WeComSender(JsonPoster poster) {
        this.poster = poster;
    }

    @Override
    public SendResult send(Endpoint endpoint, Outgoing message) {
        return poster.post(endpoint.url(), body(endpoint, message), Map.of(), replies::read);
    }

    static String body(Endpoint endpoint, Outgoing message) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        if (endpoint.markdown()) {
            root.put("msgtype", "markdown");
            root.putObject("markdown").put("content", Utf8Text.fit(ChannelSender.markdown(message), MARKDOWN_LIMIT));
        } else {
            root.put("msgtype", "text");
            root.putObject("text").put("content", Utf8Text.fit(ChannelSender.text(message), TEXT_LIMIT));
        }
        return Json.write(root);
    }
}
