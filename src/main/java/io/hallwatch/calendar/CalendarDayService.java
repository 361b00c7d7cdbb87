package io.hallwatch.calendar;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.calendar.CalendarApi.DayBody;
import io.hallwatch.calendar.CalendarApi.Schedule;
import io.hallwatch.calendar.CalendarApi.ScheduleDay;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallService;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Hall-specific days (exceptions) and the effective schedule of a hall or window, for ops staff. */
@ApplicationScoped
@Transactional
public class CalendarDayService {

    /** The default schedule shows a week from today. */
    private static final int DEFAULT_DAYS = 7;

    @Inject
    HallService halls;
    @Inject
    CalendarService calendars;
    @Inject
    Clock clock;
    @Inject
    AuditLog audit;

    /** A saved hall day and whether it is new. */
    public record Saved(CalendarDay day, boolean created) {
    }

    /** The schedule from {@code from} (default today, in the hall's zone) to {@code to} inclusive. */
    public Schedule schedule(String hallId, LocalDate from, LocalDate to, String windowId) {
        Hall hall = halls.require(hallId);
        if (windowId != null && HallWindow.find(hallId, windowId).isEmpty()) {
            throw ProblemException.notFound("window '" + windowId + "' does not exist in hall '" + hallId + "'");
        }
        LocalDate first = Objects.requireNonNullElseGet(from, () -> LocalDate.now(clock.withZone(hall.zone())));
        LocalDate last = Objects.requireNonNullElse(to, first.plusDays(DEFAULT_DAYS - 1));
        long days = ChronoUnit.DAYS.between(first, last) + 1;
        if (days < 1 || days > CalendarApi.MAX_DAYS) {
            throw ProblemException.badRequest("from " + first + " to " + last + " must cover 1 to "
                    + CalendarApi.MAX_DAYS + " days (to is inclusive)");
        }
        HallCalendar calendar = calendars.of(hallId);
        PublicHolidays holidays = calendars.holidays();
        List<ScheduleDay> schedule = first.datesUntil(last.plusDays(1))
                .map(date -> ScheduleDay.of(calendar.day(date, windowId), calendar.zone(), holidays)).toList();
        return new Schedule(hallId, windowId, hall.timezone, schedule);
    }

    /** The hall days between from and to inclusive; all of them when a bound is left out. */
    public List<CalendarDay> days(String hallId, LocalDate from, LocalDate to) {
        halls.require(hallId);
        LocalDate first = Objects.requireNonNullElse(from, LocalDate.MIN);
        LocalDate last = Objects.requireNonNullElse(to, LocalDate.MAX);
        if (first.isAfter(last)) {
            throw ProblemException.badRequest("from " + from + " is after to " + to);
        }
        return HallCalendarDay.between(hallId, first, last).stream().map(HallCalendarDay::toDay).toList();
    }

    /** Creates or replaces the hall day of that date. */
    public Saved put(String hallId, LocalDate date, DayBody body) {
        halls.require(hallId);
        CalendarDay day = body.on(date);
        List<String> problems = new ArrayList<>(day.problems());
        day.windows().stream().filter(w -> w != null && HallWindow.find(hallId, w).isEmpty())
                .forEach(w -> problems.add("windows: '" + w + "' is not a window of hall '" + hallId + "'"));
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(String.join("; ", problems));
        }
        HallCalendarDay row = HallCalendarDay.find(hallId, date).orElse(null);
        boolean created = row == null;
        CalendarDay before = created ? null : row.toDay();
        if (created) {
            row = new HallCalendarDay();
            row.hallId = hallId;
        }
        row.set(day);
        row.updatedAt = clock.instant();
        if (created) {
            row.persist();
        }
        calendars.invalidate(hallId);
        audit.record("calendar.day", hallId, date.toString(), Changes.between(before, row.toDay()));
        return new Saved(row.toDay(), created);
    }

    public void delete(String hallId, LocalDate date) {
        halls.require(hallId);
        HallCalendarDay row = HallCalendarDay.find(hallId, date).orElseThrow(() -> ProblemException.notFound(
                "hall '" + hallId + "' has no calendar day on " + date));
        row.delete();
        calendars.invalidate(hallId);
        audit.record("calendar.delete", hallId, date.toString(), Changes.deleted(row.toDay()));
    }
}
