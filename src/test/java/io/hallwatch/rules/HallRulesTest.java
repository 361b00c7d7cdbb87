package io.hallwatch.rules;

import static io.hallwatch.rules.RuleScenario.at;
import static io.hallwatch.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.hallwatch.bins.BinRule;
import io.hallwatch.bins.BinRules;
import io.hallwatch.bins.BinState;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRule;
import io.hallwatch.devices.DeviceHealthRules;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.presence.WindowRule;
import io.hallwatch.presence.WindowRules;
import io.hallwatch.presence.WindowState;
import io.hallwatch.support.Api;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderStatus;
import io.hallwatch.workorders.WorkOrderType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rules engine with its database: states kept between transactions (as across a restart), the
 * tick judging what is due, and a replacement device starting clean.
 */
@QuarkusTest
class HallRulesTest {

    @Inject
    HallRules rules;
    @Inject
    WindowRules windows;
    @Inject
    BinRules bins;
    @Inject
    RuleTicker ticker;
    @Inject
    DeviceHealthRules health;

    Api.TestHall hall;

    @BeforeEach
    void hall() {
        hall = Api.provisionHall();
        admin().body(Map.of("name", "规则大厅", "timezone", "Asia/Shanghai")).put("/api/halls/" + hall.hall())
                .then().statusCode(200);
    }

    @Test
    void aVacancyKeptAcrossTransactionsOpensOneOffPostOnTheTick() {
        Device presence = device(hall.presence());
        QuarkusTransaction.requiringNew().run(() -> windows.presence(presence, false, at("2026-11-23T10:02")));
        WindowState kept = QuarkusTransaction.requiringNew().call(() -> windows.stored(hall.hall(), hall.window()));
        assertEquals(at("2026-11-23T10:02"), kept.vacantSince);
        assertEquals(at("2026-11-23T10:17"), dueAt(WindowRule.RULE, hall.window()));

        ticker.tick(at("2026-11-23T10:16"));
        assertEquals(List.of(), offPost());
        ticker.tick(at("2026-11-23T10:17"));
        ticker.tick(at("2026-11-23T10:20"));
        List<WorkOrder> orders = offPost();
        assertEquals(1, orders.size());
        assertEquals(at("2026-11-23T10:17"), orders.get(0).openedAt);
        assertEquals(WorkOrderStatus.OPEN, orders.get(0).status);
    }

    @Test
    void aRoutineReadingIsNotStoredYetTheTickJudgesSilenceFromTheLastOne() {
        // Long after the service started listening: silence never counts from before that.
        reading(hall.bin(), "2030-06-03T10:00");
        assertEquals(at("2030-06-03T10:10"), dueAt(DeviceHealthRule.RULE, hall.bin()), "silent after 600 s");
        // Heard again, nothing else changed: the stored state keeps its earlier due instant (no write) ...
        reading(hall.bin(), "2030-06-03T10:05");
        assertEquals(at("2030-06-03T10:10"), dueAt(DeviceHealthRule.RULE, hall.bin()));
        // ... so the tick looks early, learns the device's last-seen, and waits for the real silence.
        ticker.tick(at("2030-06-03T10:10"));
        assertEquals(List.of(), orders(WorkOrderType.SENSOR_OFFLINE));
        assertEquals(at("2030-06-03T10:15"), dueAt(DeviceHealthRule.RULE, hall.bin()));
        ticker.tick(at("2030-06-03T10:15"));
        List<WorkOrder> offline = orders(WorkOrderType.SENSOR_OFFLINE);
        assertEquals(1, offline.size());
        assertEquals(at("2030-06-03T10:15"), offline.get(0).openedAt);
    }

    /** A bin reading at {@code time}, received then, as ingest applies it (last-seen first). */
    private void reading(String deviceId, String time) {
        QuarkusTransaction.requiringNew().run(() -> {
            Device device = Device.findById(deviceId);
            device.lastSeen = at(time);
            health.reading(device, new DeviceMessage.Reading(at(time), null, null, new DeviceMessage.BinFill(20)));
        });
    }

    @Test
    void aReplacementDeviceUnderARevokedIdStartsWithACleanState() {
        Device bin = device(hall.bin());
        QuarkusTransaction.requiringNew().run(() -> bins.fill(bin, 80, at("2026-11-23T10:00")));
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> rules.stored(hall.hall(), BinRule.RULE, hall.bin(),
                BinState.class)));
        admin().delete("/api/devices/" + hall.bin()).then().statusCode(204);
        admin().body(Map.of("id", hall.bin(), "hall", hall.hall(), "kind", "bin", "zone", "新桶 new bin"))
                .post("/api/devices").then().statusCode(201);
        assertNull(QuarkusTransaction.requiringNew().call(() -> rules.stored(hall.hall(), BinRule.RULE, hall.bin(),
                BinState.class)));
    }

    private Device device(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Device.findById(id));
    }

    private java.time.Instant dueAt(String rule, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> RuleState.<RuleState>findById(
                RuleState.id(hall.hall(), rule, subject)).dueAt);
    }

    private List<WorkOrder> offPost() {
        return orders(WorkOrderType.OFF_POST);
    }

    private List<WorkOrder> orders(WorkOrderType type) {
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.list("hallId = ?1 and type = ?2", hall.hall(),
                type));
    }
}
