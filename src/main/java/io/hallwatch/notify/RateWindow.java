package io.hallwatch.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** The sends of one channel in the last minute, against its limit per minute. Thread-safe. */
final class RateWindow {

    private static final Duration MINUTE = Duration.ofMinutes(1);
    private final Deque<Instant> sent = new ArrayDeque<>();

    /** How many more may go out at {@code now} under {@code perMinute}. */
    synchronized int available(Instant now, int perMinute) {
        while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(MINUTE))) {
            sent.removeFirst();
        }
        return Math.max(0, perMinute - sent.size());
    }

    /** When the next send may go out: now if one is free, else when the oldest send leaves the minute. */
    synchronized Instant nextFree(Instant now, int perMinute) {
        return available(now, perMinute) > 0 || sent.isEmpty() ? now : sent.peekFirst().plus(MINUTE);
    }

    synchronized void record(Instant at) {
        sent.addLast(at);
    }
}
