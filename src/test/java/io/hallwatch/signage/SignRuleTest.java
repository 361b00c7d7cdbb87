package io.hallwatch.signage;

import static io.hallwatch.rules.RuleScenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.RuleScenario;
import io.hallwatch.rules.RuleScenario.Orders;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SIGN_FAULT and SIGN_OFFLINE, story by story; heartbeat 60 s, tolerance 2. */
class SignRuleTest {

    final Orders orders = new Orders();
    SignDeviceState s = new SignDeviceState();

    SignRule rule(HallContext hall) {
        return new SignRule(hall, "s-1", "W01", () -> "1号窗口");
    }

    void heard(SignRule rule, SignState state, String local) {
        Instant t = at(local);
        orders.add(rule.reading(s, state, SignShowing.OPEN, state == SignState.OK ? null : "E42", t, t));
    }

    @Test
    void aFaultySignOpensSignFaultUntilItIsOkAgain() {
        SignRule rule = rule(RuleScenario.hall());
        heard(rule, SignState.OK, "2026-11-23T10:00");
        heard(rule, SignState.FAULT, "2026-11-23T10:01");
        Open open = orders.only(Open.class, WorkOrderType.SIGN_FAULT);
        assertEquals(at("2026-11-23T10:01"), open.at());
        assertTrue(open.summary().zh().contains("E42"), open.summary().zh());
        heard(rule, SignState.FAULT, "2026-11-23T10:02");
        heard(rule, SignState.OK, "2026-11-23T10:30");
        assertEquals(1, orders.of(Open.class, WorkOrderType.SIGN_FAULT).size());
        assertEquals(at("2026-11-23T10:30"), orders.only(Resolve.class, WorkOrderType.SIGN_FAULT).at());
    }

    @Test
    void aSignBlankAtNightOpensSignFaultWhenTheWindowOpens() {
        SignRule rule = rule(RuleScenario.hall());
        heard(rule, SignState.BLANK, "2026-11-23T20:00");
        assertTrue(orders.all().isEmpty());
        assertEquals(at("2026-11-24T09:00"), orders.add(rule.advance(s, at("2026-11-23T20:10"))).dueAt());
        orders.add(rule.advance(s, at("2026-11-24T09:00")));
        assertTrue(orders.only(Open.class, WorkOrderType.SIGN_FAULT).summary().en().contains("blank"));
    }

    @Test
    void aSignSilentPastTwoHeartbeatsOpensSignOfflineUntilHeardAgain() {
        SignRule rule = rule(RuleScenario.hall());
        heard(rule, SignState.OK, "2026-11-23T10:00");
        assertEquals(at("2026-11-23T10:02"), orders.add(rule.advance(s, at("2026-11-23T10:01"))).dueAt());
        orders.add(rule.advance(s, at("2026-11-23T10:02")));
        Open open = orders.only(Open.class, WorkOrderType.SIGN_OFFLINE);
        assertEquals("silent", open.details().get("cause"));
        assertNull(rule.trustedShowing(s, at("2026-11-23T10:02")), "a silent sign's face cannot be trusted");
        heard(rule, SignState.OK, "2026-11-23T10:05");
        assertEquals(at("2026-11-23T10:05"), orders.only(Resolve.class, WorkOrderType.SIGN_OFFLINE).at());
        assertEquals(SignShowing.OPEN, rule.trustedShowing(s, at("2026-11-23T10:05")));
    }

    @Test
    void anOfflineStatusOpensSignOfflineAtOnce() {
        SignRule rule = rule(RuleScenario.hall());
        heard(rule, SignState.OK, "2026-11-23T10:00");
        orders.add(rule.status(s, false, at("2026-11-23T10:00:30")));
        assertEquals("offline-status", orders.only(Open.class, WorkOrderType.SIGN_OFFLINE).details().get("cause"));
        orders.add(rule.status(s, true, at("2026-11-23T10:03")));
        assertEquals(1, orders.of(Resolve.class, WorkOrderType.SIGN_OFFLINE).size());
    }

    @Test
    void silenceWhileTheServiceWasCutOffFromTheBrokerDoesNotCount() {
        SignRule rule = rule(RuleScenario.listeningSince(RuleScenario.hall(), "2026-11-23T10:10"));
        heard(rule, SignState.OK, "2026-11-23T10:00");
        orders.add(rule.advance(s, at("2026-11-23T10:11")));
        assertTrue(orders.all().isEmpty());
        orders.add(rule.advance(s, at("2026-11-23T10:12")));
        assertEquals(1, orders.of(Open.class, WorkOrderType.SIGN_OFFLINE).size());
    }

    @Test
    void aFaultySignsFaceIsNotTrusted() {
        SignRule rule = rule(RuleScenario.hall());
        heard(rule, SignState.FAULT, "2026-11-23T10:00");
        assertNull(rule.trustedShowing(s, at("2026-11-23T10:00")));
    }
}
