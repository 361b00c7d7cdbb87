package io.hallwatch.badges;

import static io.hallwatch.badges.Scenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.halls.RuleSettings;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderType;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Window W01 with A 张三 and B 李四 in a weekday hall (Beijing, 09:00-17:00). */
class CoverageRuleTest {

    private static final CoverageFacts W01 = new CoverageFacts("W01", "1号窗口", "s-zhang", "张三", "s-li", "李四");

    private final Set<LocalDate> badgedIn = new HashSet<>();
    private final CoverageState state = new CoverageState();

    private CoverageRule rule(RuleSettings settings) {
        HallContext hall = Scenario.hall(settings);
        return new CoverageRule(hall, "W01", () -> W01, badgedIn::contains);
    }

    @Test
    void aAndBBothNotBadgedInAtOpeningOpensAttendanceForTheWindowAndBBadgingInResolvesIt() {
        CoverageRule rule = rule(RuleSettings.defaults());
        Outcome started = rule.advance(state, at("2026-03-02T08:00"));
        assertEquals(at("2026-03-02T09:00"), started.dueAt());
        Outcome atOpening = rule.advance(state, at("2026-03-02T09:00"));
        Open open = assertInstanceOf(Open.class, atOpening.commands().get(0));
        assertEquals(WorkOrderType.ATTENDANCE, open.type());
        assertEquals("W01", open.subject());
        assertEquals("1号窗口 A岗张三、B岗李四均未到岗，窗口无人可值守", open.summary().zh());
        assertEquals("Window 1号窗口: neither A (张三) nor B (李四) has badged in; nobody can staff the window",
                open.summary().en());
        assertEquals(at("2026-03-03T09:00"), atOpening.dueAt());

        assertTrue(rule.badgedIn(state, "s-other", at("2026-03-02T09:05")).commands().isEmpty());
        Outcome bArrives = rule.badgedIn(state, "s-li", at("2026-03-02T09:12"));
        Resolve resolve = assertInstanceOf(Resolve.class, bArrives.commands().get(0));
        assertEquals("W01", resolve.subject());
        assertEquals("李四已到岗（09:12）", resolve.reason().zh());
        assertTrue(rule.badgedIn(state, "s-zhang", at("2026-03-02T09:30")).commands().isEmpty());
    }

    @Test
    void windowIsCoveredWhenEitherBadgedInBeforeTheCheck() {
        CoverageRule rule = rule(RuleSettings.defaults());
        rule.advance(state, at("2026-03-02T08:00"));
        badgedIn.add(LocalDate.parse("2026-03-02"));
        assertTrue(rule.advance(state, at("2026-03-02T09:00")).commands().isEmpty());
    }

    @Test
    void checkWaitsForTheLateGraceAndSkipsClosedDays() {
        CoverageRule rule = rule(Scenario.graces(600, 0));
        // Friday evening: the next check is Monday 09:10.
        Outcome friday = rule.advance(state, at("2026-03-06T18:00"));
        assertEquals(at("2026-03-09T09:10"), friday.dueAt());
        assertTrue(rule.advance(state, at("2026-03-09T09:09")).commands().isEmpty());
        assertEquals(1, rule.advance(state, at("2026-03-09T09:10")).commands().size());
    }

    @Test
    void checkOfADayThatHasClosedMeanwhileIsSkipped() {
        CoverageRule rule = rule(RuleSettings.defaults());
        rule.advance(state, at("2026-03-02T08:00"));
        assertTrue(rule.advance(state, at("2026-03-02T18:00")).commands().isEmpty());
    }
}
