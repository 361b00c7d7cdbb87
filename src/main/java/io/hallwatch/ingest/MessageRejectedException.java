package io.hallwatch.ingest;

/**
 * A message breaks the contract: thrown by the parsers and the registry checks, caught by the
 * pipeline, which counts and stores it. Carries no stack trace, since it is expected input, not a bug.
 */
public final class MessageRejectedException extends RuntimeException {

    private final RejectionReason reason;

    public MessageRejectedException(RejectionReason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public RejectionReason reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }
}
