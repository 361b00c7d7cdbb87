package io.hallwatch.notify;

/**
 * The kinds of notification channel a hall can configure, each with the send rate its service allows
 * (messages per minute); a channel may be configured lower, never higher.
 */
public enum ChannelKind {
    /** WeCom (企业微信) group robot webhook: 20 messages a minute per robot; text 2048, markdown 4096 bytes. */
    WECOM(20, 2048, 4096),
    /** DingTalk (钉钉) custom robot with 加签 signing: 20 messages a minute. */
    DINGTALK(20, 18_000, 18_000),
    /** Feishu/Lark custom bot with signing: 100 a minute (and 5 a second); requests up to 20 KB. */
    FEISHU(100, 18_000, 18_000),
    /** Any other system: a JSON POST with an HMAC-SHA256 signature header. */
    WEBHOOK(60, Integer.MAX_VALUE, Integer.MAX_VALUE);

    private final int maxPerMinute;
    private final int maxTextBytes;
    private final int maxMarkdownBytes;

    ChannelKind(int maxPerMinute, int maxTextBytes, int maxMarkdownBytes) {
        this.maxPerMinute = maxPerMinute;
        this.maxTextBytes = maxTextBytes;
        this.maxMarkdownBytes = maxMarkdownBytes;
    }

    /** The longest message (UTF-8 bytes) the channel takes whole; a bundle is cut to fit it. */
    public int maxBytes(boolean markdown) {
        return markdown ? maxMarkdownBytes : maxTextBytes;
    }

    public int maxPerMinute() {
        return maxPerMinute;
    }
}
