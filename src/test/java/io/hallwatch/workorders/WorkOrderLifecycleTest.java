package io.hallwatch.workorders;

import static io.hallwatch.support.Api.admin;
import static io.hallwatch.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.halls.Hall;
import io.hallwatch.support.Api;
import io.hallwatch.support.TestClock;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What people do with orders and what happens when they do not: acknowledge, resolve, deadlines and
 * escalation, holds, and who may see and touch which order. Time is the test clock's.
 */
@QuarkusTest
class WorkOrderLifecycleTest {

    static final Instant T0 = Instant.parse("2026-11-23T02:17:00Z");

    @Inject
    WorkOrderService service;
    @Inject
    DeadlineWatch deadlines;
    @Inject
    TestClock clock;

    String hall;
    String cleaner;

    @BeforeEach
    void hall() {
        clock.set(T0);
        hall = "l" + Api.unique();
        admin().body(Map.of("id", hall, "name", "生命周期大厅", "timezone", "Asia/Shanghai", "language", "en"))
                .post("/api/halls").then().statusCode(201);
        cleaner = Api.createUser("cleaning", hall);
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    void apply(OrderCommand... commands) {
        QuarkusTransaction.requiringNew().run(() -> service.apply(Hall.findById(hall), List.of(commands)));
    }

    static Open binFull(String bin, Instant at) {
        return binFull(bin, at, at);
    }

    /** The rule's Open for a bin full since {@code since}, judged at {@code at}. */
    static Open binFull(String bin, Instant at, Instant since) {
        return new Open(WorkOrderType.BIN_FULL, bin, at, since, Severity.MEDIUM, new Text("满", "Bin full"),
                Map.of("fill", 70), "rule:BIN_FULL sensor:" + bin);
    }

    static Resolve binEmptied(String bin, Instant at) {
        return new Resolve(WorkOrderType.BIN_FULL, bin, at, new Text("已清空", "Emptied"), Map.of("fill", 5),
                "rule:BIN_FULL sensor:" + bin);
    }

    /** Runs the deadline check at {@code now}; returns how many times this order escalated in it. */
    int escalatedAt(long id, Instant now) {
        int before = escalations(id);
        deadlines.check(now);
        return escalations(id) - before;
    }

    static int escalations(long id) {
        return admin().get("/api/work-orders/" + id).then().extract().jsonPath().getInt("escalations");
    }

    long onlyOrder() {
        List<Integer> ids = admin().get("/api/work-orders?hall=" + hall).then().extract().jsonPath().getList("id");
        assertEquals(1, ids.size(), "orders of the hall: " + ids);
        return ids.get(0);
    }

    @Test
    void theCrewAcknowledgesAndResolvesAndTheHistoryNamesWhoDidIt() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        clock.set(T0.plusSeconds(120));
        as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedBy", equalTo(cleaner));
        as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
        clock.set(T0.plusSeconds(600));
        as(cleaner).body(Map.of("note", "换了新袋子")).post("/api/work-orders/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("resolvedBy", equalTo(cleaner));
        as(cleaner).get("/api/work-orders/" + id).then().statusCode(200)
                .body("acknowledgedAt", equalTo("2026-11-23T02:19:00Z"))
                .body("resolvedAt", equalTo("2026-11-23T02:27:00Z"))
                .body("history.event", contains("OPENED", "ACKNOWLEDGED", "RESOLVED"))
                .body("history[1].actor", equalTo("user:" + cleaner))
                .body("history[2].actor", equalTo("user:" + cleaner))
                .body("history[2].reason", equalTo("换了新袋子"))
                .body("history[2].evidence.resolvedAfterSeconds", equalTo(600));
        as(cleaner).post("/api/work-orders/" + id + "/resolve").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("already RESOLVED"));
    }

    @Test
    void autoResolveKeepsThePersonsAcknowledgementInTheHistory() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200);
        apply(binEmptied("b-1", T0.plusSeconds(300)));
        admin().get("/api/work-orders/" + id).then()
                .body("status", equalTo("AUTO_RESOLVED"))
                .body("acknowledgedBy", equalTo(cleaner))
                .body("history.event", contains("OPENED", "ACKNOWLEDGED", "AUTO_RESOLVED"));
    }

    @Test
    void anOrderResolvedWhileTheSensorStillSeesItOpensNoNewOneUntilTheConditionClearsAndReturns() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        as(cleaner).body(Map.of("note", "sensor dirty, bin is empty")).post("/api/work-orders/" + id + "/resolve")
                .then().statusCode(200);
        apply(binFull("b-1", T0.plusSeconds(60), T0));
        assertEquals(id, onlyOrder(), "the same condition has not cleared: no new order");
        apply(binEmptied("b-1", T0.plusSeconds(120)));
        admin().get("/api/work-orders/" + id).then().body("status", equalTo("RESOLVED"))
                .body("history.event", contains("OPENED", "RESOLVED", "CONDITION_CLEARED"));
        apply(binFull("b-1", T0.plusSeconds(180)));
        admin().get("/api/work-orders?hall=" + hall).then().body("status", contains("OPEN", "RESOLVED"));
    }

    @Test
    void aNewOccurrenceOpensAnOrderEvenWhenTheRuleNeverReportedTheLastOneCleared() {
        Open unknownCard = new Open(WorkOrderType.UNKNOWN_CARD, "r-1", T0, T0, Severity.LOW, new Text("未知卡", "Unknown card"),
                Map.of("cards", List.of("C1")), "rule:UNKNOWN_CARD sensor:r-1");
        apply(unknownCard);
        long first = admin().get("/api/work-orders?hall=" + hall).then().extract().jsonPath().getLong("[0].id");
        String ops = Api.createUser("ops", hall);
        as(ops).post("/api/work-orders/" + first + "/resolve").then().statusCode(200);
        Instant later = T0.plusSeconds(3600);
        apply(new Open(WorkOrderType.UNKNOWN_CARD, "r-1", later, later, Severity.LOW, new Text("未知卡", "Unknown card"),
                Map.of("cards", List.of("C2")), "rule:UNKNOWN_CARD sensor:r-1"));
        admin().get("/api/work-orders?hall=" + hall).then().body("status", contains("OPEN", "RESOLVED"));
    }

    @Test
    void aReopenKeepsTheDeadlinesSoAFlappingOrderStillEscalates() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        clock.set(T0.plus(Duration.ofMinutes(10)));
        apply(binEmptied("b-1", T0.plus(Duration.ofMinutes(10))), binFull("b-1", T0.plus(Duration.ofMinutes(11))));
        assertEquals(1, escalatedAt(id, T0.plus(Duration.ofMinutes(15))), "still due 15 min after it first opened");
    }

    @Test
    void aMissedAcknowledgeDeadlineEscalatesOnceThenTheResolveDeadlineAgain() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        assertEquals(0, escalatedAt(id, T0.plus(Duration.ofMinutes(14))));
        assertEquals(1, escalatedAt(id, T0.plus(Duration.ofMinutes(15))));
        assertEquals(0, escalatedAt(id, T0.plus(Duration.ofMinutes(16))), "each deadline escalates once");
        admin().get("/api/work-orders/" + id).then()
                .body("severity", equalTo("HIGH")).body("escalations", equalTo(1))
                .body("history.event", contains("OPENED", "ESCALATED"))
                .body("history[1].actor", equalTo("deadline:acknowledge"))
                .body("history[1].reason", equalTo("Not acknowledged within 15 min: escalated"));
        assertEquals(1, escalatedAt(id, T0.plus(Duration.ofMinutes(30))));
        admin().get("/api/work-orders/" + id).then()
                .body("severity", equalTo("CRITICAL")).body("escalations", equalTo(2))
                .body("history[2].actor", equalTo("deadline:resolve"));
        admin().get("/api/work-orders/" + id + "/deliveries").then()
                .body("findAll { it.event == 'escalated' }.team", hasItem("managers"))
                .body("findAll { it.event == 'escalated' }.team", hasItem("cleaning"));
    }

    @Test
    void aBinPastItsCriticalFillEscalatesAtOnceAndTheManagersAreTold() {
        apply(binFull("b-1", T0), new OrderCommand.Escalate(WorkOrderType.BIN_FULL, "b-1", T0.plusSeconds(60),
                Severity.CRITICAL, new Text("将溢出", "About to overflow"), Map.of("fill", 95), "rule:BIN_FULL sensor:b-1"));
        long id = onlyOrder();
        admin().get("/api/work-orders/" + id).then().body("severity", equalTo("CRITICAL")).body("escalations", equalTo(1));
        admin().get("/api/work-orders/" + id + "/deliveries").then()
                .body("findAll { it.event == 'escalated' }.team", hasItem("managers"))
                .body("findAll { it.event == 'opened' }.team", everyItem(equalTo("cleaning")));
    }

    @Test
    void anOrderAcknowledgedInTimeEscalatesOnlyWhenNotResolvedInTime() {
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        clock.set(T0.plus(Duration.ofMinutes(5)));
        as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200);
        assertEquals(0, escalatedAt(id, T0.plus(Duration.ofMinutes(29))));
        assertEquals(1, escalatedAt(id, T0.plus(Duration.ofMinutes(31))));
        admin().get("/api/work-orders/" + id).then().body("severity", equalTo("HIGH"))
                .body("history.event", contains("OPENED", "ACKNOWLEDGED", "ESCALATED"));
    }

    @Test
    void aHallsOwnDeadlinesReplaceTheDefaultsAndBadOnesAreRefused() {
        admin().body(Map.of("name", "快速大厅", "timezone", "Asia/Shanghai",
                "deadlines", Map.of("BIN_FULL", Map.of("acknowledgeMinutes", 5))))
                .put("/api/halls/" + hall).then().statusCode(200)
                .body("deadlines.BIN_FULL.acknowledgeMinutes", equalTo(5))
                .body("deadlines.BIN_FULL.resolveMinutes", equalTo(30))
                .body("deadlines.OFF_POST.acknowledgeMinutes", equalTo(10));
        apply(binFull("b-1", T0));
        long id = onlyOrder();
        assertEquals(1, escalatedAt(id, T0.plus(Duration.ofMinutes(5))));
        admin().body(Map.of("name", "x", "timezone", "Asia/Shanghai",
                "deadlines", Map.of("SIGN_FAULT", Map.of("acknowledgeMinutes", 60, "resolveMinutes", 30))))
                .put("/api/halls/" + hall).then().statusCode(400)
                .body("detail", containsString("deadlines.SIGN_FAULT.resolveMinutes must not be below acknowledgeMinutes"));
    }

    @Test
    void peopleSeeAndTouchOnlyTheirTeamsOrdersInTheirHalls() {
        apply(binFull("b-1", T0), new Open(WorkOrderType.SIGN_FAULT, "s-1", T0, T0, Severity.MEDIUM,
                new Text("坏", "Sign broken"), Map.of(), "rule:SIGN_FAULT sensor:s-1"));
        long sign = admin().get("/api/work-orders?hall=" + hall + "&type=SIGN_FAULT").then().extract().jsonPath()
                .getLong("[0].id");
        as(cleaner).get("/api/work-orders?hall=" + hall).then().statusCode(200).body("type", contains("BIN_FULL"));
        as(cleaner).get("/api/me/work-orders").then().statusCode(200).body("type", contains("BIN_FULL"));
        as(cleaner).post("/api/work-orders/" + sign + "/ack").then().statusCode(403)
                .body("detail", containsString("ops team"));
        String stranger = Api.createUser("cleaning", hallElsewhere());
        as(stranger).get("/api/me/work-orders").then().statusCode(200).body("size()", equalTo(0));
        as(stranger).post("/api/work-orders/" + sign + "/ack").then().statusCode(404);
        Api.as("nobody").get("/api/me/work-orders").then().statusCode(401);
    }

    String hallElsewhere() {
        String other = "o" + Api.unique();
        admin().body(Map.of("id", other, "name", "别的大厅", "timezone", "Asia/Shanghai")).post("/api/halls")
                .then().statusCode(201);
        return other;
    }

    @Test
    void listsPageAndSortAndTellTheTotal() {
        apply(binFull("b-1", T0), binFull("b-2", T0.plusSeconds(60)), binFull("b-3", T0.plusSeconds(120)));
        admin().get("/api/work-orders?hall=" + hall + "&limit=2").then().statusCode(200)
                .header("X-Total-Count", "3").body("subject", contains("b-3", "b-2"));
        admin().get("/api/work-orders?hall=" + hall + "&limit=2&offset=2").then().body("subject", contains("b-1"));
        admin().get("/api/work-orders?hall=" + hall + "&sort=oldest&limit=1").then().body("subject", contains("b-1"));
        admin().get("/api/work-orders?hall=" + hall + "&sort=sideways").then().statusCode(400);
    }

    @Test
    void statsGiveCountsAndTimesToAcknowledgeAndResolvePerTypeAndTeam() {
        apply(binFull("b-1", T0), binFull("b-2", T0), binFull("b-3", T0));
        List<Integer> ids = admin().get("/api/work-orders?hall=" + hall + "&sort=oldest").then().extract().jsonPath()
                .getList("id");
        int[] ackAfterSeconds = {60, 120, 600};
        for (int i = 0; i < 3; i++) {
            clock.set(T0.plusSeconds(ackAfterSeconds[i]));
            as(cleaner).post("/api/work-orders/" + ids.get(i) + "/ack").then().statusCode(200);
        }
        clock.set(T0.plusSeconds(900));
        as(cleaner).post("/api/work-orders/" + ids.get(0) + "/resolve").then().statusCode(200);
        admin().get("/api/work-orders/stats?hall=" + hall + "&from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z")
                .then().statusCode(200)
                .body("all.opened", equalTo(3)).body("all.open", equalTo(2)).body("all.resolved", equalTo(1))
                .body("all.timeToAcknowledge.medianSeconds", equalTo(120))
                .body("all.timeToAcknowledge.p90Seconds", equalTo(600))
                .body("all.timeToResolve.medianSeconds", equalTo(900))
                .body("byType[0].type", equalTo("BIN_FULL")).body("byType[0].team", equalTo("cleaning"))
                .body("byTeam[0].team", equalTo("cleaning")).body("byTeam[0].acknowledged", equalTo(3));
        admin().get("/api/work-orders/stats?hall=" + hall + "&from=yesterday").then().statusCode(400);
    }
}
