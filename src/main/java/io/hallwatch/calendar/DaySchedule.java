package io.hallwatch.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One day of a hall or window: its kind, a name (holiday name or exception note, may be null), and
 * its open intervals in order (two when there is a lunch break, none when closed). Immutable.
 */
public record DaySchedule(LocalDate date, DayKind kind, String name, List<Interval> open) {

    public DaySchedule {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        open = List.copyOf(open);
    }

    public boolean isOpenDay() {
        return !open.isEmpty();
    }

    public Optional<Instant> opensAt() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(0).start());
    }

    public Optional<Instant> closesAt() {
        return open.isEmpty() ? Optional.empty() : Optional.of(open.get(open.size() - 1).end());
    }

    boolean isOpenAt(Instant t) {
        for (Interval interval : open) {
            if (interval.contains(t)) {
                return true;
            }
        }
        return false;
    }
}
