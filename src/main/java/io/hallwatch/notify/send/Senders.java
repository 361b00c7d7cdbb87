package io.hallwatch.notify.send;

import io.hallwatch.notify.ChannelKind;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Sends one message to one channel over HTTP in the format of the channel's kind (WeCom, DingTalk,
 * Feishu, generic webhook) and says what came of it. {@link #send} never throws: network failures,
 * timeouts, 408, 429, 5xx and vendor rate limits come back as {@code RETRY} (with the wait the channel
 * asked for, if any); bad URLs, bad signatures or tokens and other refusals as {@code REJECTED}. The
 * detail is short and never holds the secret or the URL's token. The call blocks the calling thread,
 * bounded by the connect timeout and by the request timeout for the start of the answer; an
 * interrupted caller gets {@code RETRY} with its interrupt flag kept.
 */
@ApplicationScoped
public class Senders {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final Map<ChannelKind, ChannelSender> byKind = new EnumMap<>(ChannelKind.class);

    @Inject
    Senders(Clock clock) {
        this(defaultClient(), clock, REQUEST_TIMEOUT);
    }

    public Senders(HttpClient client, Clock clock, Duration timeout) {
        JsonPoster poster = new JsonPoster(client, clock, timeout);
        byKind.put(ChannelKind.WECOM, new WeComSender(poster));
        byKind.put(ChannelKind.DINGTALK, new DingTalkSender(poster));
        byKind.put(ChannelKind.FEISHU, new FeishuSender(poster));
        byKind.put(ChannelKind.WEBHOOK, new WebhookSender(poster));
    }

    /** HTTP/1.1 because some vendor gateways and in-house receivers mishandle h2c upgrades. */
    static HttpClient defaultClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .build();
    }

    public SendResult send(Endpoint endpoint, Outgoing message) {
        if (endpoint == null || endpoint.kind() == null || endpoint.url() == null || message == null) {
            return SendResult.rejected("channel endpoint or message missing");
        }
        SendResult result;
        try {
            result = byKind.get(endpoint.kind()).send(endpoint, message);
        } catch (RuntimeException e) {
            // A bug of ours would fail the same way on every retry, so it is not worth retrying.
            logBug(endpoint.kind(), e);
            result = SendResult.rejected("could not send: internal error");
        }
        return Redaction.scrub(result, endpoint);
    }

    /** The message and stack are left out: a URI or header error quotes the URL, token included. */
    private static void logBug(ChannelKind kind, RuntimeException e) {
        StackTraceElement[] stack = e.getStackTrace();
        Log.errorf("Sending to a %s channel failed with %s at %s", kind, e.getClass().getName(),
                stack.length == 0 ? "unknown place" : stack[0]);
    }
}
