package io.hallwatch.notify.send;

/**
 * One channel kind's way of sending: builds that vendor's request from a message and reads its answer.
 * Implementations never throw; every failure comes back as a {@link SendResult}.
 */
interface ChannelSender {

    SendResult send(Endpoint endpoint, Outgoing message);

    static boolean hasSecret(Endpoint endpoint) {
        return endpoint.secret() != null && !endpoint.secret().isEmpty();
    }

    static String text(Outgoing message) {
        return message.text() == null ? "" : message.text();
    }

    /** Channels set to markdown still get the message when a sender filled in only the plain text. */
    static String markdown(Outgoing message) {
        return message.markdown() == null ? text(message) : message.markdown();
    }

    /** Markdown messages need a title on DingTalk and Feishu; an empty one is refused or shows blank. */
    static String title(Outgoing message) {
        return message.title() == null || message.title().isBlank() ? "HallWatch" : message.title();
    }
}
