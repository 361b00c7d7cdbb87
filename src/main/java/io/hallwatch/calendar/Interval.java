package io.hallwatch.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An open interval [start, end) of a hall or window; it always ends after it starts. */
public record Interval(Instant start, Instant end) {

    public Interval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("an interval must end after it starts: " + start + " to " + end);
        }
    }

    public Duration length() {
        return Duration.between(start, end);
    }

    public boolean contains(Instant t) {
        return !t.isBefore(start) && t.isBefore(end);
    }

    /** The length of the part of this interval inside [from, to); zero when they do not meet. */
    Duration overlap(Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return a.isBefore(b) ? Duration.between(a, b) : Duration.ZERO;
    }
}
