package io.hallwatch.calendar;

import static io.hallwatch.calendar.Halls.beijing;
import static io.hallwatch.calendar.Halls.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.halls.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Hall-specific days and windows with their own hours (2026-03-11 is a Wednesday, 2026-03-14 a Saturday). */
class HallDaysTest {

    private static final LocalDate WEDNESDAY = LocalDate.of(2026, 3, 11);
    private static final LocalDate SATURDAY = LocalDate.of(2026, 3, 14);

    @Test
    void hallClosureBeatsAWeekday() {
        HallCalendar calendar = Halls.hall(List.of(CalendarDay.closed(WEDNESDAY, "设备检修")));
        DaySchedule day = calendar.day(WEDNESDAY, null);
        assertEquals(DayKind.HALL_CLOSED, day.kind());
        assertEquals("设备检修", day.name());
        assertFalse(calendar.isOpen(beijing("2026-03-11T10:00"), "W01"));
        assertEquals(Optional.of(beijing("2026-03-12T09:00")), calendar.nextChange(beijing("2026-03-10T17:00"), null));
    }

    @Test
    void hallDayBeatsAPublicHoliday() {
        LocalDate nationalDay = LocalDate.of(2026, 10, 2);
        HallCalendar calendar = Halls.hall(List.of(CalendarDay.open(nationalDay, time("10:00"), time("15:00"), "国庆值守")));
        assertEquals(DayKind.HALL_OPEN, calendar.day(nationalDay, null).kind());
        assertTrue(calendar.isOpen(beijing("2026-10-02T12:30"), null));
    }

    @Test
    void extraSaturdayOpensWithMondayHours() {
        HallCalendar calendar = Halls.hall(List.of(CalendarDay.openWithUsualHours(SATURDAY, "周六便民服务日")));
        DaySchedule day = calendar.day(SATURDAY, null);
        assertEquals(DayKind.HALL_OPEN, day.kind());
        assertEquals("周六便民服务日", day.name());
        assertEquals(2, day.open().size());
        assertTrue(calendar.isOpen(beijing("2026-03-14T09:00"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-14T12:15"), null));
    }

    @Test
    void extendedHoursKeepTheHallOpenUntilSevenInTheEvening() {
        CalendarDay late = CalendarDay.open(WEDNESDAY, time("09:00"), time("19:00"), "延时服务")
                .withLunch(time("12:00"), time("13:30"));
        HallCalendar calendar = Halls.hall(List.of(late));
        assertTrue(calendar.isOpen(beijing("2026-03-11T18:30"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-11T12:30"), null));
        assertEquals(Optional.of(beijing("2026-03-11T19:00")), calendar.day(WEDNESDAY, null).closesAt());
        assertEquals(Duration.ofMinutes(510),
                calendar.openTimeBetween(beijing("2026-03-11T00:00"), beijing("2026-03-12T00:00"), null));
    }

    @Test
    void dayLimitedToOneWindowLeavesTheHallAndOtherWindowsAlone() {
        HallCalendar calendar = Halls.hall(List.of(CalendarDay.closed(WEDNESDAY, "W02 培训").onlyFor("W02")));
        assertFalse(calendar.isOpen(beijing("2026-03-11T10:00"), "W02"));
        assertTrue(calendar.isOpen(beijing("2026-03-11T10:00"), "W01"));
        assertTrue(calendar.isOpen(beijing("2026-03-11T10:00"), null));
        assertEquals(DayKind.HALL_CLOSED, calendar.day(WEDNESDAY, "W02").kind());
    }

    @Test
    void dayForAWindowBeatsTheSameDayForTheWholeHall() {
        HallCalendar calendar = Halls.hall(List.of(
                CalendarDay.closed(WEDNESDAY, "全厅停电"),
                CalendarDay.open(WEDNESDAY, time("14:00"), time("16:00"), "应急窗口").onlyFor("W09")));
        assertFalse(calendar.isOpen(beijing("2026-03-11T15:00"), "W01"));
        assertTrue(calendar.isOpen(beijing("2026-03-11T15:00"), "W09"));
    }

    @Test
    void windowWithItsOwnHoursOpensEarlierAndClosesAtNoon() {
        OpeningHours mornings = Halls.hours(
                Halls.period(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), "08:00", "12:00", null, null));
        HallCalendar calendar = new HallCalendar(Halls.BEIJING, OpeningHours.defaults(), Map.of("W09", mornings),
                PublicHolidays.shipped(), List.of());
        assertTrue(calendar.isOpen(beijing("2026-03-11T08:30"), "W09"));
        assertFalse(calendar.isOpen(beijing("2026-03-11T08:30"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-11T14:00"), "W09"));
        assertTrue(calendar.isOpen(beijing("2026-03-11T14:00"), "W01"));
        assertEquals(Optional.of(beijing("2026-01-04T08:00")), calendar.day(LocalDate.of(2026, 1, 4), "W09").opensAt());
        assertFalse(calendar.day(LocalDate.of(2026, 10, 1), "W09").isOpenDay());
    }

    @Test
    void unknownWindowUsesTheHallsHours() {
        HallCalendar calendar = Halls.weekdayHall();
        assertEquals(calendar.day(WEDNESDAY, null), calendar.day(WEDNESDAY, "no-such-window"));
    }
}
