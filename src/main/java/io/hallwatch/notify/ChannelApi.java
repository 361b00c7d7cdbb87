package io.hallwatch.notify;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Bodies of {@code /api/halls/{hall}/channels}. */
public final class ChannelApi {

    private ChannelApi() {
    }

    /**
     * A channel for one team of a hall. {@code url} is the robot's webhook address as its app shows it;
     * {@code secret} the signing secret (DingTalk 加签, Feishu 签名校验, webhook HMAC), optional;
     * {@code perMinute} at most the kind's limit (WeCom and DingTalk 20, Feishu 100), default that limit.
     * On {@code PUT}, a left-out {@code url} or {@code secret} keeps the stored one.
     */
    public record ChannelSettings(
            @NotNull @Pattern(regexp = "cleaning|ops|managers", message = "must be cleaning, ops or managers") String team,
            @NotNull ChannelKind kind,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 2000) String url,
            @Size(max = 500) String secret,
            Boolean markdown,
            @Min(1) @Max(600) Integer perMinute,
            Boolean enabled) {
    }

    /** A channel as shown: never its full URL or its secret. */
    public record ChannelView(Long id, String hall, String team, ChannelKind kind, String name, String urlHint,
            boolean secretSet, boolean markdown, int perMinute, boolean enabled) {

        static ChannelView of(Channel c) {
            return new ChannelView(c.id, c.hallId, c.team.wire(), c.kind, c.name, c.urlHint, c.secretSealed != null,
                    c.markdown, c.perMinute, c.enabled);
        }
    }

    /** What a test message to a channel came to. */
    public record TestResult(String status, String detail) {
    }
}
