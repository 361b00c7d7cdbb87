package io.hallwatch.security;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;

import io.hallwatch.halls.Hall;
import io.hallwatch.support.Api;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.Severity;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderService;
import io.hallwatch.workorders.WorkOrderType;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two halls, A (where the matrix users work) and B, each with a staff member, a window, a device, a
 * channel, a leave and an open order per team; one person per {@link Who}; and what single calls need
 * fresh (an order to resolve, a day to delete). Made once per test run.
 */
final class MatrixFixture {

    /** The ids of one hall. */
    record Side(String hall, String staff, String window, String device, long channel, long leave,
            Map<String, Long> orders) {

        /** An open order of a team the caller handles (the cleaning team's for callers who handle none). */
        long orderFor(Who who) {
            return orders.get("ops".equals(who.role) ? "ops" : "manager".equals(who.role) || "admin".equals(who.role)
                    ? "managers" : "cleaning");
        }
    }

    final Side a;
    final Side b;
    private final Map<Who, String> users = new EnumMap<>(Who.class);
    private final AtomicInteger days = new AtomicInteger();

    MatrixFixture() {
        a = side("ma");
        b = side("mb");
        users.put(Who.ADMIN, Api.createUser("admin", "*"));
        users.put(Who.OPS, Api.createUser("ops", a.hall()));
        users.put(Who.OPS_EVERY_HALL, Api.createUser("ops", "*"));
        users.put(Who.MANAGER, Api.createUser("manager", a.hall()));
        users.put(Who.CLEANING, Api.createUser("cleaning", a.hall()));
        users.put(Who.STAFF, Api.createStaffUser(a.staff(), a.hall()));
        users.put(Who.AUDITOR, Api.createUser("auditor", a.hall()));
    }

    RequestSpecification as(Who who) {
        return who == Who.ANONYMOUS ? given().contentType(ContentType.JSON) : Api.as(users.get(who));
    }

    RequestSpecification asNewPerson(Who who) {
        if (who == Who.ANONYMOUS) {
            return as(who);
        }
        String halls = who.everyHall ? "*" : a.hall();
        return Api.as(who == Who.STAFF ? Api.createStaffUser(a.staff(), halls) : Api.createUser(who.role, halls));
    }

    private Side side(String prefix) {
        String hall = prefix + Api.unique();
        admin().body(Map.of("id", hall, "name", "矩阵大厅 " + hall, "timezone", "Asia/Shanghai",
                "openingHours", Map.of("alwaysOpen", true))).post("/api/halls").then().statusCode(201);
        String staff = "st-" + hall;
        admin().body(Map.of("id", staff, "name", "王五", "hall", hall)).post("/api/staff").then().statusCode(201);
        admin().body(Map.of("id", "W01", "name", "1号窗口", "staffA", staff)).post("/api/halls/" + hall + "/windows")
                .then().statusCode(201);
        String device = device(hall);
        Map<String, Long> orders = Map.of("cleaning", order(hall, WorkOrderType.BIN_FULL),
                "ops", order(hall, WorkOrderType.SIGN_FAULT), "managers", order(hall, WorkOrderType.OFF_POST));
        return new Side(hall, staff, "W01", device, channel(hall), leave(staff), orders);
    }

    /** A device of {@code hall}, provisioned by the admin. */
    String device(String hall) {
        String id = "d-" + Api.unique();
        admin().body(Map.of("id", id, "hall", hall, "kind", "bin", "zone", "门口")).post("/api/devices").then()
                .statusCode(201);
        return id;
    }

    /**
     * A webhook channel of {@code hall} whose address refuses connections at once; switched off, so
     * that the orders of the matrix are not retried against it for the rest of the run.
     */
    long channel(String hall) {
        return admin().body(Map.of("team", "cleaning", "kind", "WEBHOOK", "name", "保洁群", "url", "http://127.0.0.1:9/hook",
                "enabled", false))
                .post("/api/halls/" + hall + "/channels").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    long leave(String staff) {
        return admin().body(Map.of("from", "2090-01-02", "to", "2090-01-03", "kind", "annual"))
                .post("/api/staff/" + staff + "/leave").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** A day of the far future no other call uses. */
    String freshDate() {
        return LocalDate.of(2090, 1, 1).plusDays(days.incrementAndGet()).toString();
    }

    /** A new person, for a call that removes one. */
    String person() {
        return Api.createUser("cleaning", a.hall());
    }

    /** The person the admin changes and resets the password of, again and again. */
    String target() {
        return Api.user("cleaning", a.hall(), b.hall());
    }

    /** A new open order of {@code type} in {@code hall}, as a rule would open it. */
    static long order(String hall, WorkOrderType type) {
        String subject = "subject-" + Api.unique();
        WorkOrderService service = Arc.container().instance(WorkOrderService.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now();
            service.apply(Hall.<Hall>findById(hall), List.of(new OrderCommand.Open(type, subject, now, now, Severity.MEDIUM,
                    new Text("矩阵测试", "matrix test"), Map.of(), "test:matrix")));
            return WorkOrder.findOpen(hall, type, subject).orElseThrow().id;
        });
    }
}
