package io.hallwatch.rules;

import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.halls.RuleSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * What a plain-Java rule needs of its hall: the rule settings (defaults filled in), the calendar, and
 * since when the service has been able to hear its devices (it cannot judge a device silent while it
 * was itself disconnected from the broker).
 */
public record HallContext(String hallId, RuleSettings settings, HallCalendar calendar, Instant listeningSince) {

    /** When a device last heard at {@code lastHeard} counts as silent for {@code limit} of open time. */
    public Instant silentAt(Instant lastHeard, Duration limit, String windowId) {
        Instant from = listeningSince != null && listeningSince.isAfter(lastHeard) ? listeningSince : lastHeard;
        return calendar.whenOpenTimeReaches(from, limit, windowId).orElse(null);
    }

    /** The first instant at or after {@code t} at which the window (null: the hall) is open. */
    public Instant firstOpen(Instant t, String windowId) {
        return calendar.whenOpenTimeReaches(t, Duration.ZERO, windowId).orElse(null);
    }
}
