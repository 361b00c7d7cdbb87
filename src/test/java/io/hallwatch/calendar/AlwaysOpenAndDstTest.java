package io.hallwatch.calendar;

import static io.hallwatch.calendar.Halls.berlin;
import static io.hallwatch.calendar.Halls.beijing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.halls.OpeningHours;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A test hall that never closes, and a Berlin hall over the 2026 clock changes (29 March, 25 October). */
class AlwaysOpenAndDstTest {

    @Test
    void alwaysOpenHallIgnoresHolidaysAndHallDays() {
        LocalDate nationalDay = LocalDate.of(2026, 10, 1);
        HallCalendar calendar = new HallCalendar(Halls.BEIJING, OpeningHours.always(), Map.of(),
                PublicHolidays.shipped(), List.of(CalendarDay.closed(nationalDay, "closed?")));
        Instant night = beijing("2026-10-01T03:00");
        assertTrue(calendar.isOpen(night, null));
        assertEquals(DayKind.ALWAYS_OPEN, calendar.day(nationalDay, null).kind());
        assertEquals(Duration.ofHours(24), calendar.day(nationalDay, null).open().get(0).length());
        assertEquals(Duration.ofHours(50), calendar.openTimeBetween(night, night.plus(Duration.ofHours(50)), null));
        assertEquals(Optional.of(night.plusSeconds(60)), calendar.whenOpenTimeReaches(night, Duration.ofMinutes(1), null));
        assertEquals(Optional.empty(), calendar.nextChange(night, null));
    }

    @Test
    void berlinHallOpensAtNineLocalTimeOnBothSidesOfTheSpringChange() {
        HallCalendar calendar = berlinHall(OpeningHours.defaults());
        assertEquals(Optional.of(Instant.parse("2026-03-27T08:00:00Z")), calendar.day(LocalDate.of(2026, 3, 27), null).opensAt());
        assertEquals(Optional.of(Instant.parse("2026-03-30T07:00:00Z")), calendar.day(LocalDate.of(2026, 3, 30), null).opensAt());
        assertEquals(Duration.ofMinutes(90),
                calendar.openTimeBetween(berlin("2026-03-27T16:00"), berlin("2026-03-30T09:30"), null));
        assertEquals(Optional.of(berlin("2026-03-30T09:00")), calendar.nextChange(berlin("2026-03-27T17:00"), null));
        assertEquals(Optional.of(berlin("2026-03-30T09:30")),
                calendar.whenOpenTimeReaches(berlin("2026-03-27T16:30"), Duration.ofHours(1), null));
    }

    @Test
    void nightPeriodIsAnHourShorterInSpringAndLongerInAutumn() {
        OpeningHours nights = Halls.hours(Halls.period(EnumSet.of(DayOfWeek.SUNDAY), "00:00", "06:00", null, null));
        HallCalendar calendar = berlinHall(nights);
        assertEquals(Duration.ofHours(5), calendar.day(LocalDate.of(2026, 3, 29), null).open().get(0).length());
        assertEquals(Duration.ofHours(7), calendar.day(LocalDate.of(2026, 10, 25), null).open().get(0).length());
        assertEquals(Duration.ofHours(6), calendar.day(LocalDate.of(2026, 4, 5), null).open().get(0).length());
    }

    @Test
    void alwaysOpenBerlinDayLastsTwentyThreeAndTwentyFiveHours() {
        HallCalendar calendar = berlinHall(OpeningHours.always());
        assertEquals(Duration.ofHours(23), calendar.day(LocalDate.of(2026, 3, 29), null).open().get(0).length());
        assertEquals(Duration.ofHours(25), calendar.day(LocalDate.of(2026, 10, 25), null).open().get(0).length());
    }

    private static HallCalendar berlinHall(OpeningHours hours) {
        return new HallCalendar(Halls.BERLIN, hours, Map.of(), PublicHolidays.none(), List.of());
    }
}
