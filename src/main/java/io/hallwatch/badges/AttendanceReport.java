package io.hallwatch.badges;

import io.hallwatch.badges.AttendanceApi.AttendanceView;
import io.hallwatch.badges.AttendanceApi.DayView;
import io.hallwatch.badges.AttendanceApi.TallyView;
import io.hallwatch.calendar.CalendarService;
import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.halls.Staff;
import io.hallwatch.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The attendance of a hall's staff, or of one staff member, over a span of dates: the finalised days,
 * today's day as known so far ({@code final: false}) unless it is finalised, and the yearly tallies of
 * finalised days for each year the span touches.
 */
@ApplicationScoped
@Transactional
public class AttendanceReport {

    static final int MAX_DAYS = 400;

    @Inject
    CalendarService calendars;
    @Inject
    AttendanceDays days;
    @Inject
    Clock clock;

    /** The staff asked about and their hall. */
    private record Scope(Hall hall, List<Staff> staff) {
    }

    /** {@code from}/{@code to}: dates, inclusive; default Jan 1 of this year to today, in the hall's zone. */
    public AttendanceView query(String hallId, String staffId, String from, String to) {
        Scope scope = scope(blankToNull(hallId), blankToNull(staffId));
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, scope.hall().zone());
        LocalDate first = date("from", from, today.withDayOfYear(1));
        LocalDate last = date("to", to, today);
        checkSpan(first, last);
        RuleSettings settings = scope.hall().rules.withDefaults();
        List<DayView> dayViews = days(scope, first, last);
        if (!today.isBefore(first) && !today.isAfter(last)) {
            dayViews.addAll(today(scope, dayViews, settings, today, now));
            dayViews.sort(Comparator.comparing(DayView::date).thenComparing(DayView::staff));
        }
        return new AttendanceView(dayViews, tallies(scope, settings, first.getYear(), last.getYear()));
    }

    private static void checkSpan(LocalDate first, LocalDate last) {
        if (last.isBefore(first)) {
            throw ProblemException.badRequest("to (" + last + ") is before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) + 1 > MAX_DAYS) {
            throw ProblemException.badRequest("from to to may span at most " + MAX_DAYS + " days");
        }
    }

    private Scope scope(String hallId, String staffId) {
        if (hallId == null && staffId == null) {
            throw ProblemException.badRequest("hall or staff is required");
        }
        if (staffId == null) {
            return new Scope(hall(hallId), Staff.ofHall(hallId));
        }
        Staff staff = Staff.findById(staffId);
        if (staff == null) {
            throw ProblemException.notFound("staff member '" + staffId + "' does not exist");
        }
        if (hallId != null && !hallId.equals(staff.hallId)) {
            throw ProblemException.badRequest("staff member '" + staffId + "' is not of hall '" + hallId + "'");
        }
        return new Scope(hall(staff.hallId), List.of(staff));
    }

    private List<DayView> days(Scope scope, LocalDate first, LocalDate last) {
        Map<String, Staff> byId = scope.staff().stream().collect(Collectors.toMap(s -> s.id, Function.identity()));
        List<DayView> views = new ArrayList<>();
        if (byId.isEmpty()) {
            return views;
        }
        for (AttendanceRecord r : AttendanceRecord.ofStaff(byId.keySet(), first, last)) {
            views.add(DayView.of(r.toDay(), r.staffId, byId.get(r.staffId).name, r.hallId, true));
        }
        return views;
    }

    private List<DayView> today(Scope scope, List<DayView> finalised, RuleSettings settings, LocalDate today,
            Instant now) {
        HallCalendar calendar = calendars.of(scope.hall().id);
        List<DayView> views = new ArrayList<>();
        for (Staff staff : scope.staff()) {
            boolean done = finalised.stream().anyMatch(d -> d.date().equals(today) && d.staff().equals(staff.id));
            if (!done) {
                days.provisional(calendar, settings, staff.id, today, now)
                        .ifPresent(d -> views.add(DayView.of(d, staff.id, staff.name, scope.hall().id, false)));
            }
        }
        return views;
    }

    private static List<TallyView> tallies(Scope scope, RuleSettings settings, int firstYear, int lastYear) {
        List<TallyView> tallies = new ArrayList<>();
        for (Staff staff : scope.staff()) {
            for (int year = firstYear; year <= lastYear; year++) {
                YearTally t = AttendanceRecord.tally(staff, year);
                tallies.add(new TallyView(t.staffId(), t.name(), year, t.late(), t.early(), t.lateOrEarly(), t.absent(),
                        settings.lateOrEarlyYearLimit(), settings.absentDaysYearLimit()));
            }
        }
        return tallies;
    }

    private static Hall hall(String hallId) {
        Hall hall = Hall.findById(hallId);
        if (hall == null) {
            throw ProblemException.notFound("hall '" + hallId + "' does not exist");
        }
        return hall;
    }

    private static LocalDate date(String field, String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + " '" + text + "' is not a date yyyy-MM-dd");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
