package io.hallwatch.badges;

import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.Interval;
import io.hallwatch.calendar.PublicHolidays;
import io.hallwatch.halls.OpeningHours;
import io.hallwatch.halls.OpeningHours.Period;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import io.hallwatch.rules.HallContext;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** A Beijing hall open Monday to Friday 09:00-17:00 with lunch 12:00-13:30, with the shipped holidays. */
final class Scenario {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private Scenario() {
    }

    static HallCalendar weekdayHall() {
        OpeningHours hours = new OpeningHours(false, List.of(new Period(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(12, 0), LocalTime.of(13, 30))));
        return new HallCalendar(BEIJING, hours, Map.of(), PublicHolidays.shipped(), List.of());
    }

    static HallCalendar alwaysOpenHall() {
        return new HallCalendar(BEIJING, OpeningHours.always(), Map.of(), PublicHolidays.shipped(), List.of());
    }

    /** Rule settings with these graces (seconds) and everything else at its default. */
    static RuleSettings graces(int lateGraceSeconds, int earlyGraceSeconds) {
        return new RuleSettings(null, null, null, null, null, null, null, null, null, null, null, null,
                lateGraceSeconds, earlyGraceSeconds, null, null, null).withDefaults();
    }

    static HallContext hall(RuleSettings settings) {
        return new HallContext("h1", settings, weekdayHall(), at("2026-01-01T00:00"));
    }

    /** A local date-time in Beijing, e.g. "2026-03-02T09:07". */
    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant();
    }

    static Tap in(String localDateTime) {
        return new Tap(at(localDateTime), BadgeAction.IN);
    }

    static Tap out(String localDateTime) {
        return new Tap(at(localDateTime), BadgeAction.OUT);
    }

    static Interval leave(String from, String to) {
        return new Interval(at(from), at(to));
    }
}
