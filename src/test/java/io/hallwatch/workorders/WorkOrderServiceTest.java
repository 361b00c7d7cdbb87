package io.hallwatch.workorders;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.hallwatch.halls.Hall;
import io.hallwatch.support.Api;
import io.hallwatch.workorders.OrderCommand.Escalate;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Opening, re-opening, escalating and auto-resolving work orders, and reading them over REST. */
@QuarkusTest
class WorkOrderServiceTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:17:00Z");

    @Inject
    WorkOrderService service;

    String hall;

    @BeforeEach
    void hall() {
        hall = "w" + Api.unique();
        admin().body(Map.of("id", hall, "name", "工单大厅", "timezone", "Asia/Shanghai", "language", "en"))
                .post("/api/halls").then().statusCode(201);
    }

    void apply(OrderCommand... commands) {
        QuarkusTransaction.requiringNew().run(() -> service.apply(Hall.findById(hall), List.of(commands)));
    }

    static Open open(Instant at) {
        return new Open(WorkOrderType.OFF_POST, "W01", at, at.minusSeconds(900), Severity.HIGH,
                new Text("1号窗口无人值守", "Window 1 unattended"), Map.of("window", "W01"), "rule:OFF_POST window:W01");
    }

    static Resolve resolve(Instant at) {
        return new Resolve(WorkOrderType.OFF_POST, "W01", at, new Text("恢复", "Staffed again"), Map.of("offPostMinutes", 5),
                "rule:OFF_POST window:W01");
    }

    List<Map<String, Object>> orders() {
        return admin().get("/api/work-orders?hall=" + hall).then().statusCode(200).extract().jsonPath().getList("$");
    }

    @Test
    void atMostOneOrderIsOpenPerTypeAndSubject() {
        apply(open(T0), open(T0.plusSeconds(60)));
        admin().get("/api/work-orders?hall=" + hall).then().body("$", hasSize(1))
                .body("[0].summary", equalTo("Window 1 unattended"))
                .body("[0].team", equalTo("managers"))
                .body("[0].status", equalTo("OPEN"));
    }

    @Test
    void aConditionReturningWithinTheReopenWindowReopensTheSameOrder() {
        apply(open(T0), resolve(T0.plusSeconds(600)), open(T0.plusSeconds(600 + 299)));
        List<Map<String, Object>> orders = orders();
        assertEquals(1, orders.size());
        Object id = orders.get(0).get("id");
        admin().get("/api/work-orders/" + id).then().statusCode(200)
                .body("status", equalTo("OPEN"))
                .body("reopenCount", equalTo(1))
                .body("resolvedAt", equalTo(null))
                .body("history.event", contains("OPENED", "AUTO_RESOLVED", "REOPENED"))
                .body("history[1].evidence.resolvedAfterSeconds", equalTo(600))
                .body("history[1].reason", equalTo("Staffed again"));
    }

    @Test
    void aConditionReturningAfterTheReopenWindowOpensANewOrder() {
        apply(open(T0), resolve(T0.plusSeconds(600)), open(T0.plusSeconds(600 + 301)));
        List<Map<String, Object>> orders = orders();
        assertEquals(2, orders.size());
        assertNotEquals(orders.get(0).get("id"), orders.get(1).get("id"));
        assertEquals("OPEN", orders.get(0).get("status"), "newest first");
        assertEquals("AUTO_RESOLVED", orders.get(1).get("status"));
    }

    @Test
    void escalationOnlyRaisesTheSeverityAndNotesAddEvidence() {
        Open bin = new Open(WorkOrderType.BIN_FULL, "b-1", T0, T0, Severity.MEDIUM, new Text("满", "full"),
                Map.of("fill", 70), "rule:BIN_FULL sensor:b-1");
        apply(bin,
                new Escalate(WorkOrderType.BIN_FULL, "b-1", T0.plusSeconds(60), Severity.CRITICAL,
                        new Text("将溢出", "about to overflow"), Map.of("fill", 95), "rule:BIN_FULL sensor:b-1"),
                new Escalate(WorkOrderType.BIN_FULL, "b-1", T0.plusSeconds(90), Severity.HIGH,
                        new Text("x", "x"), Map.of("fill", 80), "rule:BIN_FULL sensor:b-1"),
                new Note(WorkOrderType.BIN_FULL, "b-1", T0.plusSeconds(120), new Text("备注", "noted"),
                        Map.of("seen", "again"), "rule:BIN_FULL sensor:b-1"));
        Object id = orders().get(0).get("id");
        admin().get("/api/work-orders/" + id).then()
                .body("severity", equalTo("CRITICAL"))
                .body("details.fill", equalTo(95))
                .body("details.seen", equalTo("again"))
                .body("history.event", contains("OPENED", "ESCALATED", "UPDATED"));
    }

    @Test
    void listsFilterByStatusTypeAndTeamAndRefuseUnknownValues() {
        apply(open(T0), new Open(WorkOrderType.BIN_FULL, "b-1", T0, T0, Severity.MEDIUM, new Text("满", "full"),
                Map.of(), "rule:BIN_FULL sensor:b-1"));
        admin().get("/api/work-orders?hall=" + hall + "&team=cleaning").then().body("type", contains("BIN_FULL"));
        admin().get("/api/work-orders?hall=" + hall + "&type=OFF_POST&status=OPEN").then().body("subject", contains("W01"));
        admin().get("/api/work-orders?hall=" + hall + "&status=DONE").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("status must be one of"));
        admin().get("/api/work-orders?team=janitors").then().statusCode(400);
        admin().get("/api/work-orders?hall=nope-" + hall).then().statusCode(404);
        admin().get("/api/work-orders/987654321").then().statusCode(404).contentType("application/problem+json");
    }
}
