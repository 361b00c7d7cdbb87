package io.hallwatch.notify.send;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.notify.ChannelKind;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** What the sender tests share: a fixed clock, the production HTTP client, sample messages, JSON reading. */
final class Fixtures {

    static final Instant NOW = Instant.parse("2025-03-04T05:06:07.089Z");
    static final long NOW_MILLIS = 1741064767089L;
    static final long NOW_SECONDS = 1741064767L;
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final String SECRET = "SEC0123456789abcdef-not-for-logs";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Fixtures() {
    }

    static Senders senders() {
        return new Senders(Senders.defaultClient(), CLOCK, Duration.ofSeconds(5));
    }

    static Senders senders(Duration timeout) {
        return new Senders(Senders.defaultClient(), CLOCK, timeout);
    }

    static Outgoing message() {
        return new Outgoing("3号窗口空岗", "3号窗口空岗 12 分钟", "**3号窗口** 空岗 12 分钟",
                "{\"event\":\"OPENED\",\"orderId\":\"wo-42\",\"note\":\"空岗\"}", "dlv-7f3a");
    }

    static Endpoint endpoint(ChannelKind kind, URI url, String secret, boolean markdown) {
        return new Endpoint(kind, url, secret, markdown);
    }

    static JsonNode json(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
