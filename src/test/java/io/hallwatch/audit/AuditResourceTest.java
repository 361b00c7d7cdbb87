package io.hallwatch.audit;

import static io.hallwatch.audit.AuditTrail.lines;
import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.support.Api;
import io.hallwatch.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** GET /api/audit: auditors only, filters, pages newest first with a total, 400s for bad filters, hall scope. */
@QuarkusTest
class AuditResourceTest {

    static final Instant T0 = Instant.parse("2026-03-02T01:00:00Z");
    static final String PROBLEM = "application/problem+json";

    @Inject
    TestClock clock;
    @Inject
    AuditLog audit;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static String hall() {
        String hall = "a" + Api.unique();
        admin().body(Map.of("id", hall, "name", "审计大厅", "timezone", "Asia/Shanghai")).post("/api/halls").then()
                .statusCode(201);
        return hall;
    }

    /** Renames the hall at {@code at}: one hall.update line at that time. */
    void rename(String hall, String name, Instant at) {
        clock.set(at);
        admin().body(Map.of("name", name, "timezone", "Asia/Shanghai")).put("/api/halls/" + hall).then().statusCode(200);
    }

    static List<Object> names(List<Map<String, Object>> lines) {
        return lines.stream().map(l -> (Object) AuditTrail.after(l).get("name")).toList();
    }

    @Test
    void onlyAuditorsReadTheTrailNotEvenTheAdministrator() {
        String hall = hall();
        given().get("/api/audit").then().statusCode(401);
        admin().get("/api/audit").then().statusCode(403).contentType(PROBLEM);
        for (String role : List.of("manager", "ops", "cleaning")) {
            Api.as(Api.createUser(role, hall)).get("/api/audit").then().statusCode(403).contentType(PROBLEM);
        }
        Api.as(AuditTrail.auditor("*")).get("/api/audit").then().statusCode(200).header(AuditResource.TOTAL_COUNT,
                org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void linesComeNewestFirstInPagesWithTheTotalAndFilterByTimeActionActorAndOutcome() {
        String auditor = AuditTrail.auditor("*");
        String hall = hall();
        for (int i = 0; i < 5; i++) {
            rename(hall, "n" + i, T0.plusSeconds(60L * i));
        }
        clock.reset();
        Map<String, Object> updates = Map.of("hall", hall, "action", "hall.update");
        assertEquals(List.of("n4", "n3", "n2", "n1", "n0"), names(lines(auditor, updates)));
        Api.as(auditor).queryParams(updates).queryParam("limit", 2).get("/api/audit").then().statusCode(200)
                .header(AuditResource.TOTAL_COUNT, "5").body("details.after.name", equalTo(List.of("n4", "n3")));
        Api.as(auditor).queryParams(updates).queryParam("limit", 2).queryParam("offset", 4).get("/api/audit").then()
                .header(AuditResource.TOTAL_COUNT, "5").body("details.after.name", equalTo(List.of("n0")));
        assertEquals(List.of("n2", "n1"), names(lines(auditor, Map.of("hall", hall, "action", "hall.update",
                "from", "2026-03-02T01:01:00Z", "to", "2026-03-02T09:03:00+08:00"))));
        assertEquals(6, lines(auditor, Map.of("hall", hall, "action", "hall.")).size(), "create and 5 updates");
        assertEquals(6, lines(auditor, Map.of("hall", hall, "actor", "admin", "outcome", "done")).size());
        assertEquals(List.of(), lines(auditor, Map.of("hall", hall, "actor", "someone-else")));
        assertEquals(List.of(), lines(auditor, Map.of("hall", hall, "outcome", "REFUSED")));
        List<Map<String, Object>> all = lines(auditor, Map.of("hall", hall));
        for (int i = 1; i < all.size(); i++) {
            assertTrue(((Number) all.get(i - 1).get("id")).longValue() > ((Number) all.get(i).get("id")).longValue()
                    || !Instant.parse((String) all.get(i - 1).get("at")).isBefore(Instant.parse((String) all.get(i).get("at"))));
        }
    }

    @Test
    void badFiltersAreProblemsThatNameThem() {
        String auditor = AuditTrail.auditor("*");
        Map<String, String> bad = Map.of("from", "yesterday", "limit", "1001", "offset", "-1", "outcome", "maybe");
        bad.forEach((name, value) -> Api.as(auditor).queryParam(name, value).get("/api/audit").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString(name)));
        Api.as(auditor).queryParam("from", "2026-03-02T00:00:00Z").queryParam("to", "2026-03-01T00:00:00Z")
                .get("/api/audit").then().statusCode(400).body("detail", containsString("from must be before to"));
    }

    @Test
    void anAuditorOfSomeHallsSeesOnlyTheirLines() {
        String mine = hall();
        String other = hall();
        String scoped = AuditTrail.auditor(mine);
        audit.refused("wrong-" + Api.unique(), "192.0.2.1", "auth.login", null, null);
        List<Map<String, Object>> seen = lines(scoped, Map.of("limit", 1000));
        assertTrue(seen.stream().anyMatch(l -> "hall.create".equals(l.get("action"))), seen.toString());
        assertTrue(seen.stream().allMatch(l -> mine.equals(l.get("hall"))), seen.toString());
        assertEquals(1, lines(scoped, Map.of("hall", mine)).size());
        Api.as(scoped).queryParam("hall", other).get("/api/audit").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString(mine));
    }
}
