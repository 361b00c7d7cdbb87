package io.hallwatch.badges;

import static io.hallwatch.badges.Scenario.at;
import static io.hallwatch.badges.Scenario.graces;
import static io.hallwatch.badges.Scenario.in;
import static io.hallwatch.badges.Scenario.leave;
import static io.hallwatch.badges.Scenario.out;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.Interval;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One staff member's day in a hall open Monday to Friday 09:00-17:00, lunch 12:00-13:30 (Beijing). */
class AttendanceRuleTest {

    private static final HallCalendar HALL = Scenario.weekdayHall();
    /** A Monday. */
    private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

    private final AttendanceRule strict = new AttendanceRule(graces(0, 0));

    private Optional<AttendanceDay> judge(AttendanceRule rule, LocalDate date, List<Tap> taps, List<Interval> leave) {
        return rule.judge(HALL.day(date, null), taps, leave);
    }

    private AttendanceDay monday(List<Tap> taps) {
        return judge(strict, MONDAY, taps, List.of()).orElseThrow();
    }

    @Test
    void arrivingBeforeOpeningAndLeavingAfterClosingIsOnTime() {
        AttendanceDay day = monday(List.of(in("2026-03-02T08:41"), out("2026-03-02T17:05")));
        assertEquals(0, day.lateMinutes());
        assertEquals(0, day.earlyMinutes());
        assertFalse(day.absent());
        assertFalse(day.missingOut());
        assertEquals(at("2026-03-02T08:41"), day.firstIn());
        assertEquals(at("2026-03-02T17:05"), day.lastOut());
        assertEquals(List.of(), day.anomalies());
    }

    @Test
    void firstInAt0907IsLateBySevenMinutes() {
        AttendanceDay day = monday(List.of(in("2026-03-02T09:07"), out("2026-03-02T17:00")));
        assertTrue(day.late());
        assertEquals(7, day.lateMinutes());
        assertEquals(0, day.earlyMinutes());
    }

    @Test
    void arrivalWithinTheLateGraceIsOnTimeAndPastItCountsFromOpening() {
        AttendanceRule lenient = new AttendanceRule(graces(300, 0));
        AttendanceDay withinGrace = judge(lenient, MONDAY, List.of(in("2026-03-02T09:04"), out("2026-03-02T17:00")),
                List.of()).orElseThrow();
        assertEquals(0, withinGrace.lateMinutes());
        AttendanceDay pastGrace = judge(lenient, MONDAY, List.of(in("2026-03-02T09:06"), out("2026-03-02T17:00")),
                List.of()).orElseThrow();
        assertEquals(6, pastGrace.lateMinutes());
    }

    @Test
    void lastOutBeforeClosingIsAnEarlyLeaveUnlessWithinTheEarlyGrace() {
        AttendanceDay day = monday(List.of(in("2026-03-02T08:55"), out("2026-03-02T16:30")));
        assertTrue(day.leftEarly());
        assertEquals(30, day.earlyMinutes());
        AttendanceDay withinGrace = judge(new AttendanceRule(graces(0, 600)), MONDAY,
                List.of(in("2026-03-02T08:55"), out("2026-03-02T16:55")), List.of()).orElseThrow();
        assertEquals(0, withinGrace.earlyMinutes());
    }

    @Test
    void inWithoutOutIsMissingOutAndNotAnEarlyLeave() {
        AttendanceDay noOut = monday(List.of(in("2026-03-02T08:55")));
        assertTrue(noOut.missingOut());
        assertEquals(0, noOut.earlyMinutes());
        AttendanceDay backAfterAnOut = monday(List.of(in("2026-03-02T08:55"), out("2026-03-02T11:00"),
                in("2026-03-02T13:20")));
        assertTrue(backAfterAnOut.missingOut());
        assertEquals(0, backAfterAnOut.earlyMinutes());
    }

    @Test
    void outBeforeInAndTwoInsAreKeptWithoutBreakingTheDay() {
        // Out of order as they arrive, too: the rule sorts by device time.
        AttendanceDay day = monday(List.of(in("2026-03-02T08:52"), out("2026-03-02T08:50"), in("2026-03-02T08:53"),
                out("2026-03-02T17:02")));
        assertEquals(4, day.taps());
        assertEquals(at("2026-03-02T08:52"), day.firstIn());
        assertEquals(at("2026-03-02T17:02"), day.lastOut());
        assertEquals(0, day.lateMinutes());
        assertEquals(0, day.earlyMinutes());
        assertFalse(day.missingOut());
        assertEquals(List.of(AttendanceRule.OUT_BEFORE_IN, AttendanceRule.REPEATED_IN), day.anomalies());
    }

    @Test
    void noBadgeInOnAWorkingDayIsAbsent() {
        AttendanceDay none = monday(List.of());
        assertTrue(none.absent());
        assertEquals(0, none.lateMinutes());
        AttendanceDay onlyOut = monday(List.of(out("2026-03-02T17:01")));
        assertTrue(onlyOut.absent());
        assertEquals(List.of(AttendanceRule.OUT_WITHOUT_IN), onlyOut.anomalies());
    }

    @Test
    void weekendAndNationalDayAreNotJudged() {
        assertTrue(judge(strict, LocalDate.parse("2026-03-07"), List.of(in("2026-03-07T10:00")), List.of()).isEmpty());
        assertTrue(judge(strict, LocalDate.parse("2026-10-01"), List.of(), List.of()).isEmpty());
    }

    @Test
    void makeUpWorkdayOnASundayIsJudged() {
        AttendanceDay day = judge(strict, LocalDate.parse("2026-01-04"), List.of(in("2026-01-04T09:12"),
                out("2026-01-04T17:00")), List.of()).orElseThrow();
        assertEquals(12, day.lateMinutes());
        assertTrue(judge(strict, LocalDate.parse("2026-01-04"), List.of(), List.of()).orElseThrow().absent());
    }

    @Test
    void alwaysOpenHallHasNoWorkingHoursToJudge() {
        HallCalendar always = Scenario.alwaysOpenHall();
        assertTrue(strict.judge(always.day(MONDAY, null), List.of(), List.of()).isEmpty());
    }

    @Test
    void morningLeaveMovesTheExpectedArrivalPastLunch() {
        List<Interval> morning = List.of(leave("2026-03-02T09:00", "2026-03-02T12:00"));
        AttendanceDay onTime = judge(strict, MONDAY, List.of(in("2026-03-02T13:25"), out("2026-03-02T17:00")), morning)
                .orElseThrow();
        assertEquals(at("2026-03-02T13:30"), onTime.expectedIn());
        assertEquals(0, onTime.lateMinutes());
        AttendanceDay late = judge(strict, MONDAY, List.of(in("2026-03-02T13:40"), out("2026-03-02T17:00")), morning)
                .orElseThrow();
        assertEquals(10, late.lateMinutes());
    }

    @Test
    void afternoonLeaveMovesTheExpectedDeparture() {
        List<Interval> afternoon = List.of(leave("2026-03-02T15:00", "2026-03-02T18:00"));
        AttendanceDay day = judge(strict, MONDAY, List.of(in("2026-03-02T08:58"), out("2026-03-02T15:00")), afternoon)
                .orElseThrow();
        assertEquals(at("2026-03-02T15:00"), day.expectedOut());
        assertEquals(0, day.earlyMinutes());
    }

    @Test
    void wholeDayLeaveIsOnLeaveNotAbsent() {
        AttendanceDay day = judge(strict, MONDAY, List.of(),
                List.of(leave("2026-03-02T00:00", "2026-03-03T00:00"))).orElseThrow();
        assertTrue(day.onLeave());
        assertFalse(day.absent());
        assertEquals(0, day.lateMinutes());
    }

    @Test
    void beforeClosingTodayIsNotYetAbsentOrEarly() {
        assertFalse(strict.provisional(HALL.day(MONDAY, null), List.of(), List.of(), at("2026-03-02T08:30"))
                .orElseThrow().absent());
        assertTrue(strict.provisional(HALL.day(MONDAY, null), List.of(), List.of(), at("2026-03-02T10:00"))
                .orElseThrow().absent());
        AttendanceDay leftForNow = strict.provisional(HALL.day(MONDAY, null),
                List.of(in("2026-03-02T08:50"), out("2026-03-02T11:00")), List.of(), at("2026-03-02T11:30")).orElseThrow();
        assertEquals(0, leftForNow.earlyMinutes());
    }
}
