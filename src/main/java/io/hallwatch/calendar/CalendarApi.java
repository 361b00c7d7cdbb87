package io.hallwatch.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.hallwatch.platform.ProblemException;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Request and answer bodies of the calendar endpoints, and the parsing of their parameters. */
public final class CalendarApi {

    /** The most days one schedule request may cover. */
    public static final int MAX_DAYS = 400;

    private CalendarApi() {
    }

    /**
     * {@code PUT /api/halls/{hall}/calendar/days/{date}}: closed, or open with openAt/closeAt (and an
     * optional lunch) or without hours (then with the hours of a make-up workday); for the listed
     * windows or, when none are listed, for the whole hall.
     */
    public record DayBody(
            @NotNull Boolean open,
            @JsonFormat(pattern = "HH:mm") LocalTime openAt,
            @JsonFormat(pattern = "HH:mm") LocalTime closeAt,
            @JsonFormat(pattern = "HH:mm") LocalTime lunchStart,
            @JsonFormat(pattern = "HH:mm") LocalTime lunchEnd,
            List<String> windows,
            String note) {

        CalendarDay on(LocalDate date) {
            return new CalendarDay(date, open, openAt, closeAt, lunchStart, lunchEnd, windows, note);
        }
    }

    /** The effective schedule of a hall, or of one of its windows, day by day. */
    public record Schedule(String hall, String window, String timezone, List<ScheduleDay> days) {
    }

    /** One day: why it has its hours, its name (holiday or hall-day note) and its open intervals. */
    public record ScheduleDay(LocalDate date, DayOfWeek weekday, DayKind kind, String name, String nameEn,
            long openMinutes, List<OpenInterval> open) {

        static ScheduleDay of(DaySchedule day, ZoneId zone, PublicHolidays holidays) {
            boolean holiday = day.kind() == DayKind.PUBLIC_HOLIDAY || day.kind() == DayKind.MAKE_UP_WORKDAY;
            String nameEn = holiday ? holidays.on(day.date()).map(PublicHolidays.Entry::nameEn).orElse(null) : null;
            long minutes = day.open().stream().mapToLong(i -> i.length().toMinutes()).sum();
            List<OpenInterval> open = day.open().stream().map(i -> OpenInterval.of(day.date(), i, zone)).toList();
            return new ScheduleDay(day.date(), day.date().getDayOfWeek(), day.kind(), day.name(), nameEn, minutes, open);
        }
    }

    /** An open interval as local wall-clock times of its day ("24:00" for the end of the day) and as instants. */
    public record OpenInterval(String from, String to, Instant start, Instant end) {

        static OpenInterval of(LocalDate date, Interval interval, ZoneId zone) {
            return new OpenInterval(local(date, interval.start(), zone), local(date, interval.end(), zone),
                    interval.start(), interval.end());
        }

        private static String local(LocalDate date, Instant t, ZoneId zone) {
            return LocalDate.ofInstant(t, zone).isAfter(date) ? "24:00" : LocalTime.ofInstant(t, zone).toString();
        }
    }

    /** {@code PUT /api/calendar/public-holidays/{year}}: the year's complete list, replacing what it had. */
    public record HolidayUpload(
            @Size(max = 500) String source,
            @NotNull @Size(max = 366) List<PublicHolidays.Entry> days) {
    }

    /** Where a year's effective data comes from. */
    public enum Origin { SHIPPED, UPLOADED }

    public record HolidayYearView(int year, Origin origin, String source, Instant uploadedAt,
            List<PublicHolidays.Entry> days) {
    }

    public record HolidayYearSummary(int year, Origin origin, String source, long holidays, long workdays) {
    }

    /** A date parameter; 400 naming the parameter when it is not an ISO date such as 2026-10-01. */
    static LocalDate date(String parameter, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter + " '" + text + "' is not a date such as 2026-10-01");
        }
    }

    /** A year parameter from 2000 to 2099; 400 otherwise. */
    static int year(String text) {
        try {
            int year = Integer.parseInt(text);
            if (year >= 2000 && year <= 2099) {
                return year;
            }
        } catch (NumberFormatException e) {
            // answered below, like a year out of range
        }
        throw ProblemException.badRequest("year '" + text + "' must be a number from 2000 to 2099");
    }
}
