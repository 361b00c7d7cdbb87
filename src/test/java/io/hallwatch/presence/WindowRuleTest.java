package io.hallwatch.presence;

import static io.hallwatch.rules.RuleScenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.platform.Json;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.RuleScenario;
import io.hallwatch.rules.RuleScenario.Orders;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderType;
import org.junit.jupiter.api.Test;

/** OFF_POST and SIGN_MISMATCH, story by story, in a hall open 09:00-17:00 with lunch 12:00-13:30. */
class WindowRuleTest {

    final HallContext hall = RuleScenario.hall();
    final WindowRule rule = new WindowRule(hall, "W01", () -> new WindowFacts("W01", "1号窗口", "S01", "张三", "S02", "李四",
            "p-1", "s-1"));
    final Orders orders = new Orders();
    WindowState s = new WindowState();

    @Test
    void opensOffPostWhenWindowVacantPastGraceWithoutPauseSignAndResolvesOnReturn() {
        orders.add(rule.presence(s, true, at("2026-11-23T08:50")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        assertEquals(at("2026-11-23T10:17"), orders.add(rule.advance(s, at("2026-11-23T10:16:45"))).dueAt());
        assertTrue(orders.all().isEmpty());

        orders.add(rule.advance(s, at("2026-11-23T10:17")));
        Open open = orders.only(Open.class, WorkOrderType.OFF_POST);
        assertEquals(at("2026-11-23T10:17"), open.at());
        assertEquals(at("2026-11-23T10:02"), open.since());
        assertTrue(open.summary().zh().contains("张三") && open.summary().zh().contains("李四"), open.summary().zh());
        assertTrue(open.summary().en().contains("without a pause sign"), open.summary().en());
        assertEquals(false, open.details().get("pauseSign"));

        orders.add(rule.presence(s, true, at("2026-11-23T10:31")));
        orders.add(rule.advance(s, at("2026-11-23T10:31:40")));
        Resolve resolve = orders.only(Resolve.class, WorkOrderType.OFF_POST);
        assertEquals(at("2026-11-23T10:31:30"), resolve.at());
        assertEquals(29L, resolve.details().get("offPostMinutes"));
    }

    @Test
    void aPasserByDoesNotResetTheOffPostTimer() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.presence(s, true, at("2026-11-23T10:10:00")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:10:10")));
        orders.add(rule.advance(s, at("2026-11-23T10:17")));
        assertEquals(at("2026-11-23T10:02"), orders.only(Open.class, WorkOrderType.OFF_POST).since());
    }

    @Test
    void theBRoleSittingInCoversTheWindow() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.presence(s, true, at("2026-11-23T10:05")));
        orders.add(rule.advance(s, at("2026-11-23T10:40")));
        assertTrue(orders.all().isEmpty(), orders.all().toString());
        assertNull(s.vacantSince);
    }

    @Test
    void aPauseSignAllowsTheLongestPauseInstead() {
        orders.add(rule.sign(s, SignShowing.PAUSED, at("2026-11-23T10:00")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.advance(s, at("2026-11-23T10:20")));
        assertTrue(orders.all().isEmpty());
        orders.add(rule.advance(s, at("2026-11-23T10:32")));
        Open open = orders.only(Open.class, WorkOrderType.OFF_POST);
        assertEquals(at("2026-11-23T10:32"), open.at());
        assertEquals(true, open.details().get("pauseSign"));
        assertTrue(open.summary().zh().contains("暂停服务超过30分钟"), open.summary().zh());
    }

    @Test
    void takingThePauseSignDownAfterTheGraceOpensOffPostAtOnce() {
        orders.add(rule.sign(s, SignShowing.PAUSED, at("2026-11-23T10:00")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.sign(s, SignShowing.OPEN, at("2026-11-23T10:20")));
        assertEquals(at("2026-11-23T10:20"), orders.only(Open.class, WorkOrderType.OFF_POST).at());
    }

    @Test
    void theTimerPausesOverLunch() {
        orders.add(rule.presence(s, false, at("2026-11-23T11:50")));
        orders.add(rule.advance(s, at("2026-11-23T12:10")));
        assertTrue(orders.all().isEmpty());
        orders.add(rule.advance(s, at("2026-11-23T13:35")));
        assertEquals(at("2026-11-23T13:35"), orders.only(Open.class, WorkOrderType.OFF_POST).at());
        orders.add(rule.presence(s, true, at("2026-11-23T13:40")));
        orders.add(rule.advance(s, at("2026-11-23T13:41")));
        assertEquals(20L, orders.only(Resolve.class, WorkOrderType.OFF_POST).details().get("offPostMinutes"));
    }

    @Test
    void aPublicHolidayFrom2026CountsAsClosed() {
        orders.add(rule.presence(s, false, at("2026-10-01T10:02")));
        orders.add(rule.advance(s, at("2026-10-01T16:00")));
        assertTrue(orders.all().isEmpty());
        // National Day runs to 7 October; the window is first open again on 8 October.
        assertEquals(at("2026-10-08T09:15"), rule.advance(s, at("2026-10-07T18:00")).dueAt());
    }

    @Test
    void aMakeUpWorkdayOnASundayIsOpen() {
        orders.add(rule.presence(s, false, at("2026-01-04T10:02")));
        orders.add(rule.advance(s, at("2026-01-04T10:17")));
        assertEquals(at("2026-01-04T10:17"), orders.only(Open.class, WorkOrderType.OFF_POST).at());
    }

    @Test
    void anOrdinarySundayIsClosed() {
        orders.add(rule.presence(s, false, at("2026-11-22T10:02")));
        orders.add(rule.advance(s, at("2026-11-22T16:00")));
        assertTrue(orders.all().isEmpty());
    }

    @Test
    void aFailedSensorSuspendsOffPostAndTheVacancyStartsAgainOnRecovery() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.sensor(s, true, at("2026-11-23T10:10")));
        orders.add(rule.advance(s, at("2026-11-23T10:25")));
        assertTrue(orders.all().isEmpty());
        orders.add(rule.sensor(s, false, at("2026-11-23T10:30")));
        orders.add(rule.advance(s, at("2026-11-23T10:44")));
        assertTrue(orders.all().isEmpty());
        orders.add(rule.advance(s, at("2026-11-23T10:45")));
        assertEquals(at("2026-11-23T10:30"), orders.only(Open.class, WorkOrderType.OFF_POST).since());
    }

    @Test
    void aRestartInTheMiddleOfTheTimerKeepsTheVacancy() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        s = Json.read(Json.write(s), WindowState.class);
        assertEquals(at("2026-11-23T10:02"), s.vacantSince);
        orders.add(rule.advance(s, at("2026-11-23T10:17")));
        s = Json.read(Json.write(s), WindowState.class);
        orders.add(rule.advance(s, at("2026-11-23T10:20")));
        assertEquals(1, orders.of(Open.class, WorkOrderType.OFF_POST).size());
    }

    @Test
    void aLateReadingCountsAsOfTheLatestJudgedInstant() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.advance(s, at("2026-11-23T10:20")));
        orders.add(rule.presence(s, true, at("2026-11-23T10:10")));
        orders.add(rule.advance(s, at("2026-11-23T10:21")));
        Resolve resolve = orders.only(Resolve.class, WorkOrderType.OFF_POST);
        assertEquals(at("2026-11-23T10:20:30"), resolve.at());
        assertEquals(18L, resolve.details().get("offPostMinutes"));
    }

    @Test
    void flappingOpensAgainForEachVacancyPastTheGrace() {
        orders.add(rule.presence(s, false, at("2026-11-23T10:02")));
        orders.add(rule.advance(s, at("2026-11-23T10:17")));
        orders.add(rule.presence(s, true, at("2026-11-23T10:18")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:19")));
        orders.add(rule.advance(s, at("2026-11-23T10:30")));
        assertEquals(1, orders.of(Open.class, WorkOrderType.OFF_POST).size(), "a return under the debounce is no return");
        orders.add(rule.presence(s, true, at("2026-11-23T10:31")));
        orders.add(rule.presence(s, false, at("2026-11-23T10:32")));
        orders.add(rule.advance(s, at("2026-11-23T10:47")));
        assertEquals(2, orders.of(Open.class, WorkOrderType.OFF_POST).size());
        assertEquals(1, orders.of(Resolve.class, WorkOrderType.OFF_POST).size());
    }

    @Test
    void aSignShowingOpenAfterClosingIsAMismatch() {
        orders.add(rule.presence(s, true, at("2026-11-23T16:30")));
        orders.add(rule.sign(s, SignShowing.OPEN, at("2026-11-23T16:30")));
        assertEquals(at("2026-11-23T17:00"), orders.add(rule.advance(s, at("2026-11-23T16:40"))).dueAt());
        orders.add(rule.advance(s, at("2026-11-23T17:04")));
        assertTrue(orders.of(Open.class, WorkOrderType.SIGN_MISMATCH).isEmpty());
        orders.add(rule.advance(s, at("2026-11-23T17:05")));
        Open open = orders.only(Open.class, WorkOrderType.SIGN_MISMATCH);
        assertEquals(at("2026-11-23T17:05"), open.at());
        orders.add(rule.sign(s, SignShowing.CLOSED, at("2026-11-23T17:20")));
        assertEquals(at("2026-11-23T17:20"), orders.only(Resolve.class, WorkOrderType.SIGN_MISMATCH).at());
    }

    @Test
    void aPausedSignAtAStaffedWindowIsAMismatchUntilLunch() {
        orders.add(rule.presence(s, true, at("2026-11-23T11:30")));
        orders.add(rule.sign(s, SignShowing.PAUSED, at("2026-11-23T11:30")));
        orders.add(rule.advance(s, at("2026-11-23T11:35")));
        assertEquals(at("2026-11-23T11:35"), orders.only(Open.class, WorkOrderType.SIGN_MISMATCH).at());
        orders.add(rule.advance(s, at("2026-11-23T12:01")));
        assertEquals(at("2026-11-23T12:00"), orders.only(Resolve.class, WorkOrderType.SIGN_MISMATCH).at());
    }

    @Test
    void anUntrustedSignIsNoMismatch() {
        orders.add(rule.presence(s, true, at("2026-11-23T10:00")));
        orders.add(rule.sign(s, SignShowing.CLOSED, at("2026-11-23T10:00")));
        orders.add(rule.sign(s, null, at("2026-11-23T10:03")));
        orders.add(rule.advance(s, at("2026-11-23T10:30")));
        assertTrue(orders.all().isEmpty(), orders.all().toString());
    }
}
