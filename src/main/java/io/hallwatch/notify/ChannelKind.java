package io.hallwatch.notify;

/**
 * The kinds of notification channel a hall can configure, each with the send rate its service allows
 * (messages per minute); a channel may be configured lower, never higher.
 */
public enum ChannelKind {
    /** WeCom (企业微信) group robot webhook: 20 messages a minute per robot. */
    WECOM(20),
    /** DingTalk (钉钉) custom robot with 加签 signing: 20 messages a minute. */
    DINGTALK(20),
    /** Feishu/Lark custom bot with signing: 100 a minute (and 5 a second). */
    FEISHU(100),
    /** Any other system: a JSON POST with an HMAC-SHA256 signature header. */
    WEBHOOK(60);

    private final int maxPerMinute;

    ChannelKind(int maxPerMinute) {
        this.maxPerMinute = maxPerMinute;
    }

    public int maxPerMinute() {
        return maxPerMinute;
    }
}
