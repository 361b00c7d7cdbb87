package io.hallwatch.bins;

import static io.hallwatch.rules.RuleScenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.calendar.CalendarDay;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.platform.Json;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.RuleScenario;
import io.hallwatch.rules.RuleScenario.Orders;
import io.hallwatch.workorders.OrderCommand.Escalate;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.Severity;
import io.hallwatch.workorders.WorkOrderType;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** BIN_FULL, BIN_NOT_EMPTIED and the fill estimate; full 66.7 %, critical 90 %, hysteresis 15 points, minimum 10 %. */
class BinRuleTest {

    final Orders orders = new Orders();
    BinState s = new BinState();
    BinRule rule = new BinRule(RuleScenario.hall(), "b-1", "东侧等候区");

    void fill(double fill, String local) {
        orders.add(rule.reading(s, fill, at(local)));
    }

    @Test
    void aBinPastTwoThirdsOpensBinFullAndEmptyingResolvesItWithWhen() {
        fill(40, "2026-11-23T09:30");
        fill(66.6, "2026-11-23T10:00");
        assertTrue(orders.all().isEmpty());
        fill(66.7, "2026-11-23T10:15");
        Open open = orders.only(Open.class, WorkOrderType.BIN_FULL);
        assertEquals(at("2026-11-23T10:15"), open.at());
        assertEquals(Severity.MEDIUM, open.severity());
        assertTrue(open.summary().zh().contains("东侧等候区"), open.summary().zh());
        fill(60, "2026-11-23T10:20");
        assertTrue(orders.of(Resolve.class, WorkOrderType.BIN_FULL).isEmpty(), "a small drop is noise, not the crew");
        fill(3, "2026-11-23T10:40");
        Resolve resolve = orders.only(Resolve.class, WorkOrderType.BIN_FULL);
        assertEquals(at("2026-11-23T10:40"), resolve.at());
        assertEquals(at("2026-11-23T10:40").toString(), resolve.details().get("emptiedAt"));
        assertEquals(at("2026-11-23T10:40"), s.lastEmptiedAt);
    }

    @Test
    void passingTheCriticalFillEscalatesTheOpenOrder() {
        fill(70, "2026-11-23T10:00");
        fill(85, "2026-11-23T10:30");
        assertTrue(orders.of(Escalate.class, WorkOrderType.BIN_FULL).isEmpty());
        fill(91, "2026-11-23T10:45");
        fill(95, "2026-11-23T10:50");
        assertEquals(Severity.CRITICAL, orders.only(Escalate.class, WorkOrderType.BIN_FULL).severity());
    }

    @Test
    void aBinFirstSeenPastCriticalOpensCritical() {
        fill(92, "2026-11-23T10:00");
        assertEquals(Severity.CRITICAL, orders.only(Open.class, WorkOrderType.BIN_FULL).severity());
    }

    @Test
    void aBinFullAtNightOpensWhenTheHallOpens() {
        fill(80, "2026-11-23T19:00");
        assertTrue(orders.of(Open.class, WorkOrderType.BIN_FULL).isEmpty());
        orders.add(rule.advance(s, at("2026-11-24T09:00")));
        Open open = orders.only(Open.class, WorkOrderType.BIN_FULL);
        assertEquals(at("2026-11-24T09:00"), open.at());
        assertEquals(at("2026-11-23T19:00"), open.since());
    }

    @Test
    void aBinNotEmptiedByClosingOpensBinNotEmptiedUntilEmptied() {
        fill(20, "2026-11-23T09:00");
        fill(35, "2026-11-23T15:00");
        assertEquals(at("2026-11-23T17:00"), orders.add(rule.advance(s, at("2026-11-23T16:00"))).dueAt());
        orders.add(rule.advance(s, at("2026-11-23T17:00")));
        Open open = orders.only(Open.class, WorkOrderType.BIN_NOT_EMPTIED);
        assertEquals(at("2026-11-23T17:00"), open.at());
        assertEquals("2026-11-23", open.details().get("day"));
        fill(2, "2026-11-24T08:30");
        assertEquals(1, orders.of(Resolve.class, WorkOrderType.BIN_NOT_EMPTIED).size());
    }

    @Test
    void aBinEmptiedTodayOrNearlyEmptyIsNoBinNotEmptied() {
        fill(50, "2026-11-23T09:00");
        fill(5, "2026-11-23T12:00");
        fill(30, "2026-11-23T16:00");
        orders.add(rule.advance(s, at("2026-11-23T17:00")));
        assertTrue(orders.of(Open.class, WorkOrderType.BIN_NOT_EMPTIED).isEmpty(), "emptied at noon");
        orders.add(rule.advance(s, at("2026-11-24T17:00")));
        assertEquals(1, orders.of(Open.class, WorkOrderType.BIN_NOT_EMPTIED).size(), "not emptied on the 24th");

        BinState nearlyEmpty = new BinState();
        Orders more = new Orders();
        more.add(rule.reading(nearlyEmpty, 8, at("2026-11-23T09:00")));
        more.add(rule.advance(nearlyEmpty, at("2026-11-23T17:00")));
        assertTrue(more.all().isEmpty());
    }

    @Test
    void noDailyCheckOnAPublicHolidayButOnAHallClosureDayNeither() {
        HallContext hall = RuleScenario.hall(RuleSettings.defaults(), List.of(new CalendarDay(LocalDate.parse("2026-09-30"),
                false, null, null, null, null, List.of(), "停电检修 power maintenance")));
        rule = new BinRule(hall, "b-1", "东侧等候区");
        fill(30, "2026-09-29T16:30");
        orders.add(rule.advance(s, at("2026-09-29T17:00")));
        assertEquals(1, orders.of(Open.class, WorkOrderType.BIN_NOT_EMPTIED).size());
        fill(2, "2026-09-29T18:00");
        fill(30, "2026-09-29T18:30");
        // Closed on the 30th, National Day holidays 1-7 October: the next check is 8 October.
        assertEquals(at("2026-10-08T17:00"), orders.add(rule.advance(s, at("2026-09-30T17:00"))).dueAt());
    }

    @Test
    void theFillRateEstimatesWhenTheBinWillBeFull() {
        fill(20, "2026-11-23T10:00");
        assertNull(rule.estimate(s));
        fill(30, "2026-11-23T10:30");
        fill(40, "2026-11-23T11:00");
        FillEstimate estimate = rule.estimate(s);
        assertEquals(20.0, estimate.ratePerHour(), 0.001);
        assertEquals(at("2026-11-23T12:20:06"), estimate.fullAt());
        s = Json.read(Json.write(s), BinState.class);
        assertEquals(20.0, rule.estimate(s).ratePerHour(), 0.001, "the estimate survives a restart");
    }

    @Test
    void aCloseThatOpensLaterGetsItsCheckThen() {
        HallContext hall = RuleScenario.hall(RuleSettings.defaults(), List.of(new CalendarDay(LocalDate.parse("2026-11-23"),
                true, LocalTime.of(9, 0), LocalTime.of(19, 0), null, null, List.of(), "延时服务 extended hours")));
        rule = new BinRule(hall, "b-1", "东侧等候区");
        fill(30, "2026-11-23T09:00");
        assertEquals(at("2026-11-23T19:00"), orders.add(rule.advance(s, at("2026-11-23T17:00"))).dueAt());
    }
}
