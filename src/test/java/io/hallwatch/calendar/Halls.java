package io.hallwatch.calendar;

import io.hallwatch.halls.OpeningHours;
import io.hallwatch.halls.OpeningHours.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Calendars and instants for the scenarios: a Beijing hall open Monday to Friday 09:00-17:00, lunch 12:00-13:30. */
final class Halls {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private Halls() {
    }

    static HallCalendar weekdayHall() {
        return hall(List.of());
    }

    static HallCalendar hall(List<CalendarDay> days) {
        return new HallCalendar(BEIJING, OpeningHours.defaults(), Map.of(), PublicHolidays.shipped(), days);
    }

    static Period period(EnumSet<DayOfWeek> days, String open, String close, String lunchStart, String lunchEnd) {
        return new Period(days, time(open), time(close), time(lunchStart), time(lunchEnd));
    }

    static OpeningHours hours(Period... periods) {
        return new OpeningHours(false, List.of(periods));
    }

    static LocalTime time(String text) {
        return text == null ? null : LocalTime.parse(text);
    }

    /** A local date-time in Beijing, e.g. "2026-03-10T11:50". */
    static Instant beijing(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }
}
