package io.hallwatch.security;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.platform.Json;
import io.hallwatch.support.Api;
import io.hallwatch.users.PasswordLogin;
import io.hallwatch.users.Refusals;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Failed logins are limited per user name (5) and per client address (20) within 15 minutes; a locked
 * name or address is refused with 429 and Retry-After before its password is looked at, and every
 * refusal, including a 403 and a hall of others, is in the audit trail without the password. Each test
 * stands for clients at addresses of its own (X-Forwarded-For), so that no lock reaches other tests.
 */
@QuarkusTest
class LoginLimitTest {

    private static final String WRONG = "Wrong-guess-" + Api.unique();

    @Inject
    PasswordLogin logins;

    private static String address() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return "198.51." + r.nextInt(256) + "." + r.nextInt(1, 255);
    }

    private static RequestSpecification from(String address, String username, String password) {
        return given().header("X-Forwarded-For", address).auth().preemptive().basic(username, password);
    }

    /**
     * Makes sure the audit trail has room for {@code lines} refusal lines in this clock minute: it
     * writes at most 120 a minute in all (hallwatch.audit.refused-total-per-minute), and the role
     * matrix alone refuses more than that. When this minute is nearly spent, waits for the next.
     */
    private static void roomForRefusals(int lines) {
        Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        int written = Integer.parseInt(Api.as("auditor", "*").queryParam("outcome", "REFUSED")
                .queryParam("from", minute.toString()).queryParam("limit", 1).get("/api/audit").then().statusCode(200)
                .extract().header("X-Total-Count"));
        if (written + lines > 100) {
            await().atMost(Duration.ofSeconds(65)).until(() -> Instant.now().truncatedTo(ChronoUnit.MINUTES).isAfter(minute));
        }
    }

    /** The refusals of {@code actor} with {@code action}, oldest first, as an auditor reads them. */
    private static List<Line> refusals(String actor, String action) {
        List<Line> lines = new ArrayList<>(Api.as("auditor", "*").queryParam("actor", actor).queryParam("action", action)
                .queryParam("outcome", "REFUSED").get("/api/audit").then().statusCode(200).extract().jsonPath()
                .getList("", Map.class).stream().map(Line::of).toList());
        Collections.reverse(lines);
        return lines;
    }

    /** The fields of an audit line these tests look at; details as JSON text. */
    private record Line(String address, String target, String details) {

        static Line of(Map<?, ?> line) {
            return new Line((String) line.get("address"), (String) line.get("target"), Json.write(line.get("details")));
        }
    }

    @Test
    void aUserNameIsLockedAfterFiveFailuresAndEvenItsPasswordThenWaits() {
        String user = Api.createUser("cleaning", "*");
        String address = address();
        roomForRefusals(6);
        for (int i = 0; i < 5; i++) {
            from(address, user, WRONG).get("/api/me").then().statusCode(401);
        }
        from(address(), user, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(800), lessThanOrEqualTo(900)))
                .contentType("application/problem+json").body("detail", containsString("15 minute"));
        from(address, Api.user("cleaning", "*"), Api.PERSON_PASSWORD).get("/api/me").then().statusCode(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> refusals(user, Refusals.LOGIN).size() == 6);
        List<Line> rows = refusals(user, Refusals.LOGIN);
        assertTrue(rows.get(0).details().contains("wrong password"), rows.get(0).details());
        assertEquals(address, rows.get(0).address());
        assertTrue(rows.get(5).details().contains("locked"), rows.get(5).details());
        assertFalse(rows.stream().anyMatch(r -> r.details().contains(WRONG) || r.details().contains(Api.PERSON_PASSWORD)));
    }

    @Test
    void anAddressIsLockedAfterTwentyFailuresWhateverTheNames() {
        String address = address();
        for (int i = 0; i < 20; i++) {
            from(address, "nobody-" + Api.unique(), WRONG).get("/api/me").then().statusCode(401);
        }
        String someone = Api.user("manager", "*");
        from(address, someone, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(429);
        from(address(), someone, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(200);
    }

    @Test
    void theBrokerLoginOfAPersonCountsAndHonoursTheSameLock() {
        String user = Api.createUser("cleaning", "*");
        String address = address();
        assertTrue(logins.check(user, Api.PERSON_PASSWORD, address).isPresent());
        for (int i = 0; i < 5; i++) {
            assertFalse(logins.check(user, WRONG, address).isPresent());
        }
        assertFalse(logins.check(user, Api.PERSON_PASSWORD, address()).isPresent(), "locked: the right password waits too");
        from(address(), user, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(429);
    }

    @Test
    void brokerLoginsWithMadeUpNamesLockTheirAddressForHttpToo() {
        String address = address();
        for (int i = 0; i < 20; i++) {
            assertFalse(logins.check("nobody-" + Api.unique(), WRONG, address).isPresent());
        }
        String someone = Api.user("manager", "*");
        assertFalse(logins.check(someone, Api.PERSON_PASSWORD, address).isPresent(), "the address is locked");
        from(address, someone, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(429);
        assertTrue(logins.check(someone, Api.PERSON_PASSWORD, address()).isPresent());
    }


    @Test
    void aForbiddenCallAndAHallOfOthersAreRecorded() {
        String hall = "lh" + Api.unique();
        Api.admin().body(Map.of("id", hall, "name", "别处", "timezone", "Asia/Shanghai")).post("/api/halls")
                .then().statusCode(201);
        String manager = Api.createUser("manager", hall);
        String other = "lo" + Api.unique();
        Api.admin().body(Map.of("id", other, "name", "别处", "timezone", "Asia/Shanghai")).post("/api/halls")
                .then().statusCode(201);
        roomForRefusals(2);
        Api.as(manager).get("/api/users").then().statusCode(403);
        Api.as(manager).get("/api/halls/" + other).then().statusCode(404)
                .body("detail", equalTo("hall '" + other + "' does not exist"));
        await().atMost(Duration.ofSeconds(10)).until(() -> refusals(manager, Refusals.FORBIDDEN).size() == 2);
        List<Line> rows = refusals(manager, Refusals.FORBIDDEN);
        assertEquals(Set.of("GET /api/users", "GET /api/halls/" + other), rows.stream().map(Line::target).collect(
                Collectors.toSet()));
        assertTrue(rows.stream().anyMatch(r -> r.details().contains(other)), rows.toString());
    }
}
