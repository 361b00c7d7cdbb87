package io.hallwatch.calendar;

import static io.hallwatch.calendar.Halls.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.calendar.PublicHolidays.Entry;
import io.hallwatch.calendar.PublicHolidays.Kind;
import io.hallwatch.halls.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Public holidays and make-up workdays of the real 2026 notice (国办发明电〔2025〕7号). */
class HolidayCalendarTest {

    private final HallCalendar calendar = Halls.weekdayHall();

    @Test
    void makeUpSundayAfterNewYearIsOpenWithMondayHours() {
        DaySchedule sunday = calendar.day(LocalDate.of(2026, 1, 4), null);
        assertEquals(DayOfWeek.SUNDAY, sunday.date().getDayOfWeek());
        assertEquals(DayKind.MAKE_UP_WORKDAY, sunday.kind());
        assertEquals("元旦", sunday.name());
        assertEquals(Optional.of(beijing("2026-01-04T09:00")), sunday.opensAt());
        assertFalse(calendar.isOpen(beijing("2026-01-04T12:30"), null));
        assertTrue(calendar.isOpen(beijing("2026-01-04T16:00"), null));
    }

    @Test
    void makeUpSaturdayTakesTheHoursOfTheFirstWeekdayTheHallOpens() {
        OpeningHours hours = Halls.hours(
                Halls.period(EnumSet.of(DayOfWeek.MONDAY), "08:30", "17:30", null, null),
                Halls.period(EnumSet.range(DayOfWeek.TUESDAY, DayOfWeek.FRIDAY), "09:00", "17:00", "12:00", "13:30"));
        HallCalendar hall = new HallCalendar(Halls.BEIJING, hours, Map.of(), PublicHolidays.shipped(), List.of());
        DaySchedule saturday = hall.day(LocalDate.of(2026, 2, 14), null);
        assertEquals(DayKind.MAKE_UP_WORKDAY, saturday.kind());
        assertEquals("春节", saturday.name());
        assertEquals(Optional.of(beijing("2026-02-14T08:30")), saturday.opensAt());
        assertEquals(Optional.of(beijing("2026-02-14T17:30")), saturday.closesAt());
    }

    @Test
    void nationalDayOnAThursdayIsClosed() {
        DaySchedule day = calendar.day(LocalDate.of(2026, 10, 1), null);
        assertEquals(DayOfWeek.THURSDAY, day.date().getDayOfWeek());
        assertEquals(DayKind.PUBLIC_HOLIDAY, day.kind());
        assertEquals("国庆节", day.name());
        assertFalse(calendar.isOpen(beijing("2026-10-01T10:00"), null));
    }

    @Test
    void labourDayOnAFridayIsClosedAndItsMakeUpSaturdayOpen() {
        assertEquals(DayKind.PUBLIC_HOLIDAY, calendar.day(LocalDate.of(2026, 5, 1), null).kind());
        assertFalse(calendar.isOpen(beijing("2026-05-01T10:00"), null));
        assertTrue(calendar.isOpen(beijing("2026-05-09T10:00"), null));
    }

    @Test
    void openTimeWaitsOutTheNineDaySpringFestival() {
        // Saturday 14 February is a make-up workday; the festival runs from Sunday 15 to Monday 23 February.
        assertEquals(Optional.of(beijing("2026-02-24T09:30")),
                calendar.whenOpenTimeReaches(beijing("2026-02-14T16:30"), Duration.ofHours(1), null));
        assertEquals(Duration.ofHours(1),
                calendar.openTimeBetween(beijing("2026-02-14T16:30"), beijing("2026-02-24T09:30"), null));
        assertEquals(Optional.of(beijing("2026-02-24T09:00")), calendar.nextChange(beijing("2026-02-14T17:00"), null));
    }

    @Test
    void uploadedYearReplacesTheShippedYearAndLeavesOthersAlone() {
        PublicHolidays uploaded = PublicHolidays.shipped().withYear(2026,
                List.of(new Entry(LocalDate.of(2026, 3, 10), Kind.HOLIDAY, "测试假日", "Test holiday")), "test");
        HallCalendar hall = new HallCalendar(Halls.BEIJING, OpeningHours.defaults(), Map.of(), uploaded, List.of());
        assertEquals(DayKind.PUBLIC_HOLIDAY, hall.day(LocalDate.of(2026, 3, 10), null).kind());
        assertEquals(DayKind.REGULAR, hall.day(LocalDate.of(2026, 10, 1), null).kind());
        assertEquals(DayKind.WEEKLY_CLOSED, hall.day(LocalDate.of(2026, 1, 4), null).kind());
        assertEquals(DayKind.PUBLIC_HOLIDAY, hall.day(LocalDate.of(2025, 10, 1), null).kind());
        assertEquals(Optional.of("test"), uploaded.year(2026).map(PublicHolidays.Year::source));
    }

    @Test
    void aYearWithoutDataFollowsTheWeeklyHours() {
        assertEquals(DayKind.REGULAR, Halls.weekdayHall().day(LocalDate.of(2031, 10, 1), null).kind());
    }

    @Test
    void refusesAnUploadWithDatesOutsideItsYearOrTwice() {
        Entry lastYear = new Entry(LocalDate.of(2025, 12, 31), Kind.HOLIDAY, "元旦", null);
        Entry first = new Entry(LocalDate.of(2026, 1, 1), Kind.HOLIDAY, "元旦", null);
        Entry noKind = new Entry(LocalDate.of(2026, 1, 2), null, "元旦", null);
        assertThrows(IllegalArgumentException.class,
                () -> PublicHolidays.none().withYear(2026, List.of(lastYear)));
        assertEquals(List.of("days[1].date 2026-01-01 appears more than once", "days[2].kind must be HOLIDAY or WORKDAY"),
                PublicHolidays.problems(2026, List.of(first, first, noKind)));
    }
}
