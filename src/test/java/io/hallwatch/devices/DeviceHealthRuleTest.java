package io.hallwatch.devices;

import static io.hallwatch.rules.RuleScenario.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.rules.RuleScenario;
import io.hallwatch.rules.RuleScenario.Orders;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SENSOR_OFFLINE and BATTERY_LOW, story by story; silence limit 10 min of open time, battery low below 20 %. */
class DeviceHealthRuleTest {

    final Orders orders = new Orders();
    final DeviceHealthState s = new DeviceHealthState();

    static Device device(DeviceKind kind) {
        Device device = new Device();
        device.id = kind.wire() + "-1";
        device.hallId = "h1";
        device.kind = kind;
        device.windowId = kind.watchesWindow() ? "W01" : null;
        device.zone = kind.watchesWindow() ? null : "东侧 east";
        return device;
    }

    DeviceHealthRule rule(DeviceKind kind) {
        return new DeviceHealthRule(RuleScenario.hall(), device(kind), () -> "1号窗口");
    }

    void heard(DeviceHealthRule rule, Double battery, String local) {
        Instant t = at(local);
        orders.add(rule.reading(s, battery, t, t));
    }

    @Test
    void aPresenceSensorSilentTenMinutesHasFailedUntilHeardAgain() {
        DeviceHealthRule rule = rule(DeviceKind.PRESENCE);
        heard(rule, null, "2026-11-23T10:00");
        orders.add(rule.advance(s, at("2026-11-23T10:09")));
        assertFalse(DeviceHealthRule.failed(s));
        orders.add(rule.advance(s, at("2026-11-23T10:10")));
        assertEquals("silent", orders.only(Open.class, WorkOrderType.SENSOR_OFFLINE).details().get("cause"));
        assertTrue(DeviceHealthRule.failed(s));
        heard(rule, null, "2026-11-23T10:30");
        assertEquals(1, orders.of(Resolve.class, WorkOrderType.SENSOR_OFFLINE).size());
        assertFalse(DeviceHealthRule.failed(s));
    }

    @Test
    void silenceCountsOnlyOpenTime() {
        DeviceHealthRule rule = rule(DeviceKind.BIN);
        heard(rule, null, "2026-11-23T16:55");
        assertEquals(at("2026-11-24T09:05"), orders.add(rule.advance(s, at("2026-11-23T18:00"))).dueAt());
        assertTrue(orders.all().isEmpty());
    }

    @Test
    void anyDeviceReportingOfflineHasFailed() {
        DeviceHealthRule rule = rule(DeviceKind.BADGE);
        heard(rule, null, "2026-11-23T10:00");
        orders.add(rule.advance(s, at("2026-11-23T15:00")));
        assertTrue(orders.all().isEmpty(), "badge readers only tap, so silence says nothing");
        orders.add(rule.status(s, false, at("2026-11-23T15:01")));
        Open open = orders.only(Open.class, WorkOrderType.SENSOR_OFFLINE);
        assertEquals(at("2026-11-23T15:01"), open.at());
        assertTrue(open.summary().zh().contains("离线"), open.summary().zh());
    }

    @Test
    void signsHaveSignOfflineInsteadOfSensorOffline() {
        DeviceHealthRule rule = rule(DeviceKind.SIGNAGE);
        orders.add(rule.status(s, false, at("2026-11-23T10:00")));
        orders.add(rule.advance(s, at("2026-11-23T11:00")));
        assertTrue(orders.of(Open.class, WorkOrderType.SENSOR_OFFLINE).isEmpty());
    }

    @Test
    void aLowBatteryOpensBatteryLowUntilItIsReplaced() {
        DeviceHealthRule rule = rule(DeviceKind.BIN);
        heard(rule, 21.0, "2026-11-23T10:00");
        heard(rule, 19.0, "2026-11-23T10:05");
        Open open = orders.only(Open.class, WorkOrderType.BATTERY_LOW);
        assertTrue(open.summary().zh().contains("19%"), open.summary().zh());
        heard(rule, 25.0, "2026-11-23T10:10");
        assertTrue(orders.of(Resolve.class, WorkOrderType.BATTERY_LOW).isEmpty(), "hovering at the line is not a new battery");
        heard(rule, 98.0, "2026-11-23T11:00");
        assertEquals(at("2026-11-23T11:00"), orders.only(Resolve.class, WorkOrderType.BATTERY_LOW).at());
    }

    @Test
    void aBatteryLowAtNightOpensWhenTheHallOpens() {
        DeviceHealthRule rule = rule(DeviceKind.PRESENCE);
        heard(rule, 10.0, "2026-11-23T22:00");
        assertTrue(orders.of(Open.class, WorkOrderType.BATTERY_LOW).isEmpty());
        orders.add(rule.advance(s, at("2026-11-24T09:00")));
        assertEquals(at("2026-11-24T09:00"), orders.only(Open.class, WorkOrderType.BATTERY_LOW).at());
    }
}
