package io.hallwatch.ingest;

import java.util.Optional;

/**
 * Why the service or its broker refused a client: each is a tag of
 * {@code hallwatch_security_events_total{reason=...}} and the reason of a WARN line
 * ({@link SecurityEvents}). The last three are the registry's refusals of messages that reached the
 * service; the others are refusals at the broker (embedded, or one that asks {@code /api/broker/*}).
 */
public enum SecurityEvent {
    /** A login with no user name, an unknown one, a wrong password, a revoked device or a stolen client id. */
    LOGIN_REFUSED,
    /** A publish outside the client's own topics. */
    PUBLISH_REFUSED,
    /** A subscription outside what the client may read (devices read nothing). */
    SUBSCRIBE_REFUSED,
    /** A request to {@code /api/broker/*} without the shared secret of {@code hallwatch.mqtt.http-auth.secret}. */
    BROKER_SECRET_REFUSED,
    /** A message from a device id the registry does not know, or has revoked. */
    UNKNOWN_DEVICE,
    /** A device speaking for another hall than its own. */
    HALL_MISMATCH,
    /** A device speaking as another kind of device. */
    KIND_MISMATCH;

    /** The security event a registry rejection is, if any: the others are malformed, not suspicious. */
    static Optional<SecurityEvent> of(RejectionReason reason) {
        switch (reason) {
            case UNKNOWN_DEVICE:
                return Optional.of(UNKNOWN_DEVICE);
            case HALL_MISMATCH:
                return Optional.of(HALL_MISMATCH);
            case KIND_MISMATCH:
                return Optional.of(KIND_MISMATCH);
            default:
                return Optional.empty();
        }
    }
}
