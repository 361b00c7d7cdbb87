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
        return QuarkusTransaction.requiringNew().call(() -> WorkOrder.list("hallId = ?1 and type = ?2", hall.hall(),
                WorkOrderType.OFF_POST));
    }
}
