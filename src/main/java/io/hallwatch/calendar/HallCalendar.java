package io.hallwatch.calendar;

import io.hallwatch.halls.OpeningHours;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A hall's calendar with its windows' own hours, in the hall's time zone: plain Java, immutable,
 * thread-safe, no I/O. {@code windowId} null means the hall itself; a window id without own hours or
 * hall days of its own uses the hall's. Day schedules are resolved once and cached, so the queries
 * the ingest path makes per message cost microseconds. Scans look at most {@value #HORIZON_DAYS} days
 * ahead.
 */
public final class HallCalendar {

    static final int HORIZON_DAYS = 400;

    private final ZoneId zone;
    private final WindowCalendar hall;
    private final Map<String, WindowCalendar> windows;

    public HallCalendar(ZoneId zone, OpeningHours hallHours, Map<String, OpeningHours> windowHours,
            PublicHolidays holidays, List<CalendarDay> hallDays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(hallHours, "hallHours");
        Objects.requireNonNull(holidays, "holidays");
        Map<String, OpeningHours> own = windowHours == null ? Map.of() : windowHours;
        List<CalendarDay> days = hallDays == null ? List.of() : hallDays;
        this.hall = new WindowCalendar(zone, hallHours, holidays, daysFor(null, days));
        Map<String, WindowCalendar> built = new HashMap<>();
        for (String window : distinctWindows(own, days)) {
            OpeningHours hours = Objects.requireNonNullElse(own.get(window), hallHours);
            built.put(window, new WindowCalendar(zone, hours, holidays, daysFor(window, days)));
        }
        this.windows = Map.copyOf(built);
    }

    public ZoneId zone() {
        return zone;
    }

    public DaySchedule day(LocalDate date, String windowId) {
        return calendarOf(windowId).day(date);
    }

    public boolean isOpen(Instant t, String windowId) {
        WindowCalendar calendar = calendarOf(windowId);
        return calendar.alwaysOpen() || calendar.day(dateOf(t)).isOpenAt(t);
    }

    /** Open time within [from, to); zero when to is not after from. */
    public Duration openTimeBetween(Instant from, Instant to, String windowId) {
        WindowCalendar calendar = calendarOf(windowId);
        if (!to.isAfter(from)) {
            return Duration.ZERO;
        }
        if (calendar.alwaysOpen()) {
            return Duration.between(from, to);
        }
        Duration total = Duration.ZERO;
        for (LocalDate d = dateOf(from), last = dateOf(to); !d.isAfter(last); d = d.plusDays(1)) {
            for (Interval interval : calendar.day(d).open()) {
                total = total.plus(interval.overlap(from, to));
            }
        }
        return total;
    }

    /**
     * The earliest instant t >= from at which openTimeBetween(from, t) == amount and the calendar is
     * open just before t (for amount zero: the first instant >= from at which it is open). Empty if
     * that does not happen within 400 days.
     */
    public Optional<Instant> whenOpenTimeReaches(Instant from, Duration amount, String windowId) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("amount must not be negative: " + amount);
        }
        WindowCalendar calendar = calendarOf(windowId);
        if (calendar.alwaysOpen()) {
            return Optional.of(from.plus(amount));
        }
        Duration left = amount;
        LocalDate first = dateOf(from);
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            for (Interval interval : calendar.day(first.plusDays(i)).open()) {
                if (!interval.end().isAfter(from)) {
                    continue;
                }
                Instant start = interval.start().isAfter(from) ? interval.start() : from;
                Duration available = Duration.between(start, interval.end());
                if (left.compareTo(available) <= 0) {
                    return Optional.of(left.isZero() ? start : start.plus(left));
                }
                left = left.minus(available);
            }
        }
        return Optional.empty();
    }

    /** The first instant after t at which isOpen changes; empty if it does not change within 400 days. */
    public Optional<Instant> nextChange(Instant t, String windowId) {
        WindowCalendar calendar = calendarOf(windowId);
        if (calendar.alwaysOpen()) {
            return Optional.empty();
        }
        Instant openUntil = null;
        LocalDate first = dateOf(t);
        for (int i = 0; i <= HORIZON_DAYS; i++) {
            for (Interval interval : calendar.day(first.plusDays(i)).open()) {
                if (!interval.end().isAfter(t)) {
                    continue;
                }
                if (openUntil == null && interval.start().isAfter(t)) {
                    return Optional.of(interval.start());
                }
                if (openUntil != null && interval.start().isAfter(openUntil)) {
                    return Optional.of(openUntil);
                }
                openUntil = interval.end();
            }
        }
        return Optional.empty();
    }

    private WindowCalendar calendarOf(String windowId) {
        return windowId == null ? hall : windows.getOrDefault(windowId, hall);
    }

    private LocalDate dateOf(Instant t) {
        return LocalDate.ofInstant(t, zone);
    }

    /** Windows that differ from the hall: own hours, or named by a hall day. */
    private static Set<String> distinctWindows(Map<String, OpeningHours> own, List<CalendarDay> days) {
        Set<String> ids = new HashSet<>(own.keySet());
        days.forEach(day -> ids.addAll(day.windows()));
        return ids;
    }

    /** The hall day of each date for that window: one naming the window beats one for the whole hall. */
    private static Map<LocalDate, CalendarDay> daysFor(String windowId, List<CalendarDay> days) {
        Map<LocalDate, CalendarDay> byDate = new HashMap<>();
        for (CalendarDay day : days) {
            if (!day.appliesTo(windowId)) {
                continue;
            }
            CalendarDay current = byDate.get(day.date());
            if (current == null || current.windows().isEmpty() && !day.windows().isEmpty()) {
                byDate.put(day.date(), day);
            }
        }
        return byDate;
    }
}
