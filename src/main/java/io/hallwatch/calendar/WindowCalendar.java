package io.hallwatch.calendar;

import io.hallwatch.halls.OpeningHours;
import io.hallwatch.halls.OpeningHours.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The days of one hall or window: its weekly hours, the hall days that apply to it (at most one per
 * date) and the public holidays, resolved by precedence and cached per date. Package-private: callers
 * go through {@link HallCalendar}.
 */
final class WindowCalendar {

    /** Rules look at days around now; a long scan may evict, which only costs recomputation. */
    private static final int MAX_CACHED_DAYS = 4096;

    private final ZoneId zone;
    private final OpeningHours hours;
    private final PublicHolidays holidays;
    private final Map<LocalDate, CalendarDay> days;
    private final Period usual;
    private final Map<LocalDate, DaySchedule> cache = new ConcurrentHashMap<>();

    WindowCalendar(ZoneId zone, OpeningHours hours, PublicHolidays holidays, Map<LocalDate, CalendarDay> days) {
        this.zone = zone;
        this.hours = hours;
        this.holidays = holidays;
        this.days = Map.copyOf(days);
        this.usual = usualPeriod();
    }

    boolean alwaysOpen() {
        return hours.alwaysOpen();
    }

    DaySchedule day(LocalDate date) {
        DaySchedule cached = cache.get(date);
        if (cached != null) {
            return cached;
        }
        if (cache.size() >= MAX_CACHED_DAYS) {
            cache.clear();
        }
        DaySchedule resolved = resolve(date);
        cache.put(date, resolved);
        return resolved;
    }

    /** Precedence: always open > hall day > public holiday > make-up workday > weekly hours > closed. */
    private DaySchedule resolve(LocalDate date) {
        if (hours.alwaysOpen()) {
            return new DaySchedule(date, DayKind.ALWAYS_OPEN, null, List.of(new Interval(
                    date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant())));
        }
        CalendarDay hallDay = days.get(date);
        if (hallDay != null) {
            return fromHallDay(hallDay);
        }
        Optional<PublicHolidays.Entry> entry = holidays.on(date);
        if (entry.isPresent() && entry.get().kind() == PublicHolidays.Kind.HOLIDAY) {
            return new DaySchedule(date, DayKind.PUBLIC_HOLIDAY, entry.get().name(), List.of());
        }
        if (entry.isPresent()) {
            return usualDay(date, DayKind.MAKE_UP_WORKDAY, entry.get().name());
        }
        Period period = periodOf(date.getDayOfWeek());
        return period == null
                ? new DaySchedule(date, DayKind.WEEKLY_CLOSED, null, List.of())
                : new DaySchedule(date, DayKind.REGULAR, null, intervals(date, period));
    }

    private DaySchedule fromHallDay(CalendarDay day) {
        if (!day.open()) {
            return new DaySchedule(day.date(), DayKind.HALL_CLOSED, day.note(), List.of());
        }
        if (!day.hasHours()) {
            return usualDay(day.date(), DayKind.HALL_OPEN, day.note());
        }
        return new DaySchedule(day.date(), DayKind.HALL_OPEN, day.note(),
                intervals(day.date(), day.openAt(), day.closeAt(), day.lunchStart(), day.lunchEnd()));
    }

    /** A day open with the hours of the first weekday (Monday first) on which this regularly opens. */
    private DaySchedule usualDay(LocalDate date, DayKind kind, String name) {
        return new DaySchedule(date, kind, name, usual == null ? List.of() : intervals(date, usual));
    }

    private Period periodOf(DayOfWeek day) {
        List<Period> weekly = hours.weekly() == null ? List.of() : hours.weekly();
        for (Period period : weekly) {
            if (period != null && period.days() != null && period.days().contains(day)) {
                return period;
            }
        }
        return null;
    }

    private Period usualPeriod() {
        for (DayOfWeek day : DayOfWeek.values()) {
            Period period = periodOf(day);
            if (period != null) {
                return period;
            }
        }
        return null;
    }

    private List<Interval> intervals(LocalDate date, Period period) {
        return intervals(date, period.open(), period.close(), period.lunchStart(), period.lunchEnd());
    }

    /** Lunch is closed time; an empty part (lunch starting at opening) is left out. */
    private List<Interval> intervals(LocalDate date, LocalTime open, LocalTime close, LocalTime lunchStart,
            LocalTime lunchEnd) {
        List<Interval> result = new ArrayList<>(2);
        if (lunchStart == null || lunchEnd == null) {
            add(result, date, open, close);
        } else {
            add(result, date, open, lunchStart);
            add(result, date, lunchEnd, close);
        }
        return result;
    }

    private void add(List<Interval> result, LocalDate date, LocalTime from, LocalTime to) {
        if (from == null || to == null) {
            return;
        }
        // A local time in a DST gap moves forward and one in an overlap takes the earlier offset, so
        // opening hours keep their wall-clock meaning on the day the clocks change.
        Instant start = ZonedDateTime.of(date, from, zone).toInstant();
        Instant end = ZonedDateTime.of(date, to, zone).toInstant();
        if (start.isBefore(end)) {
            result.add(new Interval(start, end));
        }
    }
}
