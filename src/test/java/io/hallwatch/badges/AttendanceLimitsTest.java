package io.hallwatch.badges;

import static io.hallwatch.badges.Scenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.halls.RuleSettings;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Yearly limits with the defaults: 30 late arrivals or early leaves, 5 days absent. */
class AttendanceLimitsTest {

    private final AttendanceLimits limits = new AttendanceLimits(RuleSettings.defaults());
    private final LimitState state = new LimitState();
    private final Instant closing = at("2026-06-10T17:00");

    private static YearTally tally(int late, int early, int absent) {
        return new YearTally("s-zhang", "张三", 2026, late, early, absent);
    }

    @Test
    void reachingThirtyLateOrEarlyOpensAttendanceOnceAYear() {
        assertTrue(limits.check(state, tally(18, 11, 0), false, closing).isEmpty());
        List<OrderCommand> reached = limits.check(state, tally(18, 12, 0), false, closing);
        assertEquals(1, reached.size());
        Open open = assertInstanceOf(Open.class, reached.get(0));
        assertEquals(WorkOrderType.ATTENDANCE, open.type());
        assertEquals("s-zhang", open.subject());
        assertEquals("张三 2026年迟到早退已达30次（迟到18次，早退12次）", open.summary().zh());
        assertEquals("张三: 30 late arrivals or early leaves in 2026 (18 late, 12 early)", open.summary().en());
        assertEquals(30, open.details().get("lateOrEarly"));
        assertTrue(limits.check(state, tally(19, 12, 0), false, closing).isEmpty());
        assertEquals(1, limits.check(state, new YearTally("s-zhang", "张三", 2027, 30, 0, 0), false, closing).size());
    }

    @Test
    void fiveAbsentDaysOpenAttendance() {
        assertTrue(limits.check(state, tally(0, 0, 4), false, closing).isEmpty());
        Open open = assertInstanceOf(Open.class, limits.check(state, tally(0, 0, 5), false, closing).get(0));
        assertEquals("张三 2026年缺勤已达5天", open.summary().zh());
        assertEquals("张三: 5 days absent in 2026", open.summary().en());
    }

    @Test
    void secondThresholdWhileTheOrderIsOpenIsANote() {
        limits.check(state, tally(20, 10, 0), false, closing);
        List<OrderCommand> absent = limits.check(state, tally(20, 10, 5), true, closing);
        Note note = assertInstanceOf(Note.class, absent.get(0));
        assertEquals("s-zhang", note.subject());
        assertEquals(true, note.details().get("absentReached"));
    }

    @Test
    void bothThresholdsAtOnceOpenOneOrderWithANote() {
        List<OrderCommand> both = limits.check(state, tally(25, 5, 5), false, closing);
        assertInstanceOf(Open.class, both.get(0));
        assertInstanceOf(Note.class, both.get(1));
    }
}
