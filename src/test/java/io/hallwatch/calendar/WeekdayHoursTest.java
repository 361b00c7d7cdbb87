package io.hallwatch.calendar;

import static io.hallwatch.calendar.Halls.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Beijing hall on ordinary days: Monday to Friday 09:00-17:00, lunch 12:00-13:30 (2026-03-10 is a Tuesday). */
class WeekdayHoursTest {

    private final HallCalendar calendar = Halls.weekdayHall();

    @Test
    void isOpenBeforeLunchClosedOverLunchAndOpenAgainAfter() {
        assertTrue(calendar.isOpen(beijing("2026-03-10T11:59"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-10T12:00"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-10T13:29"), null));
        assertTrue(calendar.isOpen(beijing("2026-03-10T13:30"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-10T08:59"), null));
        assertFalse(calendar.isOpen(beijing("2026-03-10T17:00"), null));
    }

    @Test
    void dayHasTwoIntervalsAroundLunch() {
        DaySchedule day = calendar.day(LocalDate.of(2026, 3, 10), null);
        assertEquals(DayKind.REGULAR, day.kind());
        assertEquals(2, day.open().size());
        assertEquals(beijing("2026-03-10T12:00"), day.open().get(0).end());
        assertEquals(Optional.of(beijing("2026-03-10T09:00")), day.opensAt());
        assertEquals(Optional.of(beijing("2026-03-10T17:00")), day.closesAt());
    }

    @Test
    void countsOpenTimeAcrossLunchWithoutTheBreak() {
        assertEquals(Duration.ofMinutes(90),
                calendar.openTimeBetween(beijing("2026-03-10T11:00"), beijing("2026-03-10T14:00"), null));
        assertEquals(Duration.ZERO,
                calendar.openTimeBetween(beijing("2026-03-10T14:00"), beijing("2026-03-10T11:00"), null));
    }

    @Test
    void fifteenOpenMinutesFromTenToNoonLandFiveMinutesAfterLunch() {
        assertEquals(Optional.of(beijing("2026-03-10T13:35")),
                calendar.whenOpenTimeReaches(beijing("2026-03-10T11:50"), Duration.ofMinutes(15), null));
    }

    @Test
    void openTimeThatEndsExactlyAtLunchLandsAtNoonNotAfterLunch() {
        assertEquals(Optional.of(beijing("2026-03-10T12:00")),
                calendar.whenOpenTimeReaches(beijing("2026-03-10T11:50"), Duration.ofMinutes(10), null));
    }

    @Test
    void carriesOpenTimeOverClosingIntoTheNextMorning() {
        assertEquals(Optional.of(beijing("2026-03-11T09:10")),
                calendar.whenOpenTimeReaches(beijing("2026-03-10T16:50"), Duration.ofMinutes(20), null));
        assertEquals(Duration.ofHours(2),
                calendar.openTimeBetween(beijing("2026-03-10T16:00"), beijing("2026-03-11T10:00"), null));
    }

    @Test
    void zeroOpenTimeIsTheFirstOpenInstant() {
        assertEquals(Optional.of(beijing("2026-03-10T10:00")),
                calendar.whenOpenTimeReaches(beijing("2026-03-10T10:00"), Duration.ZERO, null));
        assertEquals(Optional.of(beijing("2026-03-10T13:30")),
                calendar.whenOpenTimeReaches(beijing("2026-03-10T12:10"), Duration.ZERO, null));
    }

    @Test
    void refusesANegativeAmount() {
        assertThrows(IllegalArgumentException.class,
                () -> calendar.whenOpenTimeReaches(beijing("2026-03-10T10:00"), Duration.ofMinutes(-1), null));
    }

    @Test
    void weekendIsClosedAndOpenTimeWaitsForMonday() {
        DaySchedule saturday = calendar.day(LocalDate.of(2026, 3, 14), null);
        assertEquals(DayKind.WEEKLY_CLOSED, saturday.kind());
        assertFalse(saturday.isOpenDay());
        assertFalse(calendar.isOpen(beijing("2026-03-14T10:00"), null));
        assertEquals(Optional.of(beijing("2026-03-16T09:30")),
                calendar.whenOpenTimeReaches(beijing("2026-03-13T16:30"), Duration.ofHours(1), null));
        assertEquals(Duration.ofMinutes(30),
                calendar.openTimeBetween(beijing("2026-03-13T16:30"), beijing("2026-03-16T09:00"), null));
    }

    @Test
    void nextChangeFindsLunchReopeningClosingAndMondayMorning() {
        assertEquals(Optional.of(beijing("2026-03-10T12:00")), calendar.nextChange(beijing("2026-03-10T10:00"), null));
        assertEquals(Optional.of(beijing("2026-03-10T13:30")), calendar.nextChange(beijing("2026-03-10T12:00"), null));
        assertEquals(Optional.of(beijing("2026-03-10T17:00")), calendar.nextChange(beijing("2026-03-10T13:30"), null));
        assertEquals(Optional.of(beijing("2026-03-16T09:00")), calendar.nextChange(beijing("2026-03-13T17:00"), null));
        assertEquals(Optional.of(beijing("2026-03-16T09:00")), calendar.nextChange(beijing("2026-03-14T12:00"), null));
    }

    @Test
    void nextChangeSkipsAWeekOfNationalDayHolidays() {
        assertEquals(Optional.of(beijing("2026-10-08T09:00")), calendar.nextChange(beijing("2026-09-30T17:00"), null));
    }
}
