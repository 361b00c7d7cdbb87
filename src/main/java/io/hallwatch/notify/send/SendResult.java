package io.hallwatch.notify.send;

import java.time.Duration;

/**
 * What came of one send: {@code DELIVERED}; {@code RETRY} (the channel is down, busy or over its rate
 * limit; {@code retryAfter} when it said how long to wait, else null); or {@code REJECTED} (the
 * channel refused the request in a way a retry would not change, such as a bad signature or token).
 * {@code detail} says what the channel answered, for the delivery log.
 */
public record SendResult(Status status, Duration retryAfter, String detail) {

    public enum Status { DELIVERED, RETRY, REJECTED }

    public static SendResult delivered(String detail) {
        return new SendResult(Status.DELIVERED, null, detail);
    }

    public static SendResult retry(Duration retryAfter, String detail) {
        return new SendResult(Status.RETRY, retryAfter, detail);
    }

    public static SendResult rejected(String detail) {
        return new SendResult(Status.REJECTED, null, detail);
    }
}
