package io.hallwatch.ingest;

/**
 * Why an MQTT message was rejected. Each reason is a metric tag
 * ({@code hallwatch_ingest_rejected_total{reason=...}}) and is stored with the message.
 */
public enum RejectionReason {
    MALFORMED_TOPIC,
    OVERSIZE,
    MALFORMED_JSON,
    MISSING_FIELD,
    WRONG_TYPE,
    INVALID_VALUE,
    TS_IN_FUTURE,
    UNKNOWN_DEVICE,
    KIND_MISMATCH,
    HALL_MISMATCH,
    DUPLICATE_SEQ,
    STALE_SEQ,
    /** The service could not handle a valid-looking message after retrying; kept so it is not lost. */
    PROCESSING_FAILED
}
