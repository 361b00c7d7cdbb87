package io.hallwatch.rules;

import java.time.Instant;

/** Small helpers for the instants rules compare, where null means "never" or "unknown". */
public final class Times {

    private Times() {
    }

    /** The earliest of the given instants, ignoring nulls; null when all are null. */
    public static Instant earliest(Instant... instants) {
        Instant earliest = null;
        for (Instant t : instants) {
            if (t != null && (earliest == null || t.isBefore(earliest))) {
                earliest = t;
            }
        }
        return earliest;
    }

    /** The latest of the given instants, ignoring nulls; null when all are null. */
    public static Instant latest(Instant... instants) {
        Instant latest = null;
        for (Instant t : instants) {
            if (t != null && (latest == null || t.isAfter(latest))) {
                latest = t;
            }
        }
        return latest;
    }

    /** {@code t} when it is known and later than {@code now}, else null: a due instant still to come. */
    public static Instant after(Instant now, Instant t) {
        return t != null && t.isAfter(now) ? t : null;
    }

    /** Whether {@code t} is known and not after {@code now}. */
    public static boolean reached(Instant t, Instant now) {
        return t != null && !t.isAfter(now);
    }
}
