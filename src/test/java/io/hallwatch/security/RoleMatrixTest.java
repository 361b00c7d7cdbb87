package io.hallwatch.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every endpoint, every role, inside and outside the caller's halls: the role matrix of
 * docs/security.md. A caller of hall A gets 2xx where their role is allowed, 404 for hall B as if it did
 * not exist, 403 where their role is not allowed; nobody without credentials gets in (401). The rows
 * ({@link Endpoints}) must cover the OpenAPI document, so a new endpoint cannot go without one.
 */
@QuarkusTest
class RoleMatrixTest {

    private static MatrixFixture fixture;

    private static synchronized MatrixFixture fixture() {
        if (fixture == null) {
            fixture = new MatrixFixture();
        }
        return fixture;
    }

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEachCallerAsTheirRoleAndHallsAllow() {
        MatrixFixture f = fixture();
        Set<String> served = documented();
        return Endpoints.all().stream().map(row -> DynamicTest.dynamicTest(row.key(), () -> {
            Assumptions.assumeTrue(served.contains(row.key()), row.key() + " is not an endpoint of the service (yet)");
            check(f, row);
        }));
    }

    @Test
    void everyEndpointOfTheServiceHasARow() {
        Set<String> rows = Endpoints.all().stream().map(Row::key).collect(Collectors.toSet());
        List<String> missing = documented().stream().filter(key -> !rows.contains(key)).toList();
        assertTrue(missing.isEmpty(), "endpoints without a row in security/Endpoints.java (add one, and its roles to"
                + " docs/security.md): " + missing);
    }

    @Test
    void listsWithoutAHallShowOnlyTheCallersHalls() {
        MatrixFixture f = fixture();
        for (Who who : List.of(Who.OPS, Who.MANAGER)) {
            f.as(who).get("/api/halls").then().statusCode(200).body("id", hasItem(f.a.hall()))
                    .body("id", not(hasItem(f.b.hall())));
            f.as(who).get("/api/staff").then().statusCode(200).body("hall", everyItem(in(List.of(f.a.hall()))));
        }
        f.as(Who.OPS_EVERY_HALL).get("/api/halls").then().statusCode(200).body("id", hasItem(f.b.hall()));
        f.as(Who.CLEANING).get("/api/work-orders").then().statusCode(200)
                .body("hall", everyItem(in(List.of(f.a.hall())))).body("team", everyItem(in(List.of("cleaning"))));
    }

    @Test
    void windowStaffSeeOnlyTheirOwnAttendance() {
        MatrixFixture f = fixture();
        f.as(Who.STAFF).get("/api/attendance").then().statusCode(200)
                .body("tallies.staff", everyItem(in(List.of(f.a.staff()))));
        f.as(Who.STAFF).get("/api/attendance?hall=" + f.a.hall()).then().statusCode(200)
                .body("tallies.staff", everyItem(in(List.of(f.a.staff()))));
        f.as(Who.STAFF).get("/api/me").then().statusCode(200).body("staffId", org.hamcrest.Matchers.equalTo(f.a.staff()));
    }

    private static void check(MatrixFixture f, Row row) {
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            for (boolean inside : row.scope() == Row.Scope.HALL ? List.of(true, false) : List.of(true)) {
                Response answer = row.call().apply(new Call(f, who, inside ? f.a : f.b));
                int expected = row.expected(who, inside);
                int got = answer.statusCode();
                if (expected == 2 ? got / 100 != 2 : got != expected) {
                    wrong.add(who + (inside ? " in A" : " in B") + ": expected " + (expected == 2 ? "2xx" : expected)
                            + ", got " + got + " " + answer.body().asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), row.key() + "\n" + String.join("\n", wrong));
    }

    /** The endpoints under /api the OpenAPI document lists, as {@code METHOD path}. */
    private static Set<String> documented() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Set<String> keys = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "put", "post", "delete", "patch").contains(m))
                .filter(m -> path.startsWith("/api/"))
                .forEach(m -> keys.add(m.toUpperCase(Locale.ROOT) + " " + path)));
        return keys;
    }
}
