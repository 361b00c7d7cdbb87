package io.hallwatch.notify.send;

/**
 * One message to send, already in the hall's language: a short {@code title}, the plain {@code text},
 * the same as {@code markdown}, the {@code json} body a generic webhook receives (a work order as in
 * contract section 5 plus {@code event}, or a bundle of them), and a {@code deliveryId} that stays the
 * same across retries so receivers can drop repeats.
 */
public record Outgoing(String title, String text, String markdown, String json, String deliveryId) {
}
