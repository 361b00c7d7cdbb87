package io.hallwatch.users;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.platform.ProblemException;
import io.hallwatch.support.Api;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/**
 * People are added, changed and removed by the admin, and their logins follow at once; passwords are
 * strong, reset by the admin and changed by their owner. Logins meant to fail come from an address of
 * their own (X-Forwarded-For), so that they count towards no other test's lock.
 */
@QuarkusTest
class UserResourceTest {

    private static final String ELSEWHERE = "203.0.113.77";

    @Inject
    UserService users;

    private static RequestSpecification login(String username, String password) {
        return given().header("X-Forwarded-For", ELSEWHERE).auth().preemptive().basic(username, password)
                .contentType(ContentType.JSON);
    }

    String hall() {
        String hall = "u" + Api.unique();
        admin().body(Map.of("id", hall, "name", "用户大厅", "timezone", "Asia/Shanghai")).post("/api/halls").then().statusCode(201);
        return hall;
    }

    @Test
    void aChangedPasswordAndARemovedPersonStopWorkingAtOnce() {
        String hall = hall();
        String user = Api.createUser("cleaning", hall);
        Api.as(user).get("/api/me").then().statusCode(200).body("teams", equalTo(List.of("cleaning")));
        admin().body(Map.of("name", "王师傅", "password", "a-new-password-2", "roles", List.of("ops"), "halls", List.of(hall)))
                .put("/api/users/" + user).then().statusCode(200).body("roles", equalTo(List.of("ops")));
        login(user, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(401);
        login(user, "a-new-password-2").get("/api/me").then().statusCode(200).body("teams", equalTo(List.of("ops")));
        admin().delete("/api/users/" + user).then().statusCode(204);
        login(user, "a-new-password-2").get("/api/me").then().statusCode(401);
        admin().delete("/api/users/" + user).then().statusCode(404);
    }

    @Test
    void badPeopleAreRefusedWithAReason() {
        String hall = hall();
        admin().body(Map.of("username", "x" + Api.unique(), "name", "x", "password", "short", "roles", List.of("cleaning"),
                "halls", List.of(hall))).post("/api/users").then().statusCode(400);
        admin().body(Map.of("username", "x" + Api.unique(), "name", "x", "password", "long-enough-1", "roles", List.of("janitor"),
                "halls", List.of(hall))).post("/api/users").then().statusCode(400).body("detail", containsString("janitor"));
        admin().body(Map.of("username", "x" + Api.unique(), "name", "x", "password", "long-enough-1", "roles", List.of("admin"),
                "halls", List.of(hall))).post("/api/users").then().statusCode(400).body("detail", containsString("every hall"));
        admin().body(Map.of("username", "admin", "name", "x", "password", "long-enough-1", "roles", List.of("ops"),
                "halls", List.of(hall))).post("/api/users").then().statusCode(409);
        Api.as(Api.createUser("cleaning", hall)).get("/api/users").then().statusCode(403);
    }

    @Test
    void weakPasswordsAreRefusedWhereverOneIsSetNamingTheRule() {
        String hall = hall();
        String user = "weak" + Api.unique();
        Map<String, Object> body = new HashMap<>(Map.of("username", user, "name", "x", "roles", List.of("cleaning"),
                "halls", List.of(hall)));
        body.put("password", "Only-11-chr");
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("at least 12"));
        body.put("password", "Hello-" + user + "-1");
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("user name"));
        body.put("password", "Password1234");
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("common"));
        String person = Api.createUser("cleaning", hall);
        admin().body(Map.of("name", "x", "password", "onlylowercase", "roles", List.of("ops"),
                "halls", List.of(hall))).put("/api/users/" + person).then().statusCode(400).body("detail", containsString("3 of"));
        admin().body(Map.of("password", "short")).post("/api/users/" + person + "/password").then().statusCode(400)
                .body("detail", containsString("at least 12"));
        Api.as(person).body(Map.of("current", Api.PERSON_PASSWORD, "password", "qwerty123456")).put("/api/me/password")
                .then().statusCode(400).body("detail", containsString("common"));
        Api.as(person).get("/api/me").then().statusCode(200);
    }

    @Test
    void anAdminResetEndsTheOldPasswordAtOnce() {
        String person = Api.createUser("cleaning", hall());
        Api.as(person).get("/api/me").then().statusCode(200);
        admin().body(Map.of("password", "Fresh-start-2026")).post("/api/users/" + person + "/password").then()
                .statusCode(204);
        login(person, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(401);
        login(person, "Fresh-start-2026").get("/api/me").then().statusCode(200);
        admin().get("/api/users").then().body("find { it.username == '" + person + "' }.passwordChangedAt", notNullValue());
        admin().body(Map.of("password", "Fresh-start-2026")).post("/api/users/nobody-" + Api.unique() + "/password")
                .then().statusCode(404);
        admin().body(Map.of("password", "Fresh-start-2026")).post("/api/users/admin/password").then().statusCode(409);
    }

    @Test
    void peopleChangeTheirOwnPasswordGivingTheCurrentOne() {
        String person = Api.createUser("manager", hall());
        Api.as(person).body(Map.of("current", "not-my-password", "password", "My-own-choice-88")).put("/api/me/password")
                .then().statusCode(400).body("detail", containsString("current"));
        Api.as(person).body(Map.of("current", Api.PERSON_PASSWORD, "password", Api.PERSON_PASSWORD))
                .put("/api/me/password").then().statusCode(400).body("detail", containsString("differ"));
        Api.as(person).body(Map.of("current", Api.PERSON_PASSWORD, "password", "My-own-choice-88")).put("/api/me/password")
                .then().statusCode(204);
        login(person, Api.PERSON_PASSWORD).get("/api/me").then().statusCode(401);
        login(person, "My-own-choice-88").get("/api/me").then().statusCode(200);
        admin().body(Map.of("current", Api.ADMIN_PASSWORD, "password", "My-own-choice-88")).put("/api/me/password")
                .then().statusCode(409).body("detail", containsString("HALLWATCH_ADMIN_PASSWORD"));
    }

    @Test
    void aWrongCurrentPasswordCountsTowardsTheLockAndIsAudited() {
        String person = Api.createUser("manager", hall());
        String address = "203.0.113." + ThreadLocalRandom.current().nextInt(100, 255);
        for (int i = 0; i < 5; i++) {
            given().header("X-Forwarded-For", address).auth().preemptive().basic(person, Api.PERSON_PASSWORD)
                    .contentType(ContentType.JSON).body(Map.of("current", "guess-" + i, "password", "My-own-choice-88"))
                    .put("/api/me/password").then().statusCode(400);
        }
        Api.as(person).get("/api/me").then().statusCode(429);
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.as("auditor", "*").queryParam("actor", person)
                .queryParam("action", Refusals.LOGIN).queryParam("outcome", "REFUSED").get("/api/audit").then()
                .statusCode(200).extract().asString().contains("wrong current password"));
    }

    @Test
    void aSingleSignOnCallerHasNoPasswordHereEvenWithALocalNamesake() {
        String person = Api.createUser("manager", hall());
        SecurityIdentity token = QuarkusSecurityIdentity.builder().setPrincipal(new Token(person)).build();
        ProblemException refused = assertThrows(ProblemException.class, () -> users.changePassword(token,
                new UserApi.ChangePassword(Api.PERSON_PASSWORD, "My-own-choice-88"), "203.0.113.1"));
        assertEquals(409, refused.status());
        assertTrue(refused.getMessage().contains("single sign-on"), refused.getMessage());
    }

    /** A principal as Quarkus OIDC hands it over. */
    private record Token(String name) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("sub");
        }

        @Override
        public <T> T getClaim(String claimName) {
            return null;
        }
    }

    @Test
    void windowStaffAreOneStaffMemberOfTheirHalls() {
        String hall = hall();
        String staff = "s" + Api.unique();
        admin().body(Map.of("id", staff, "name", "钱七", "hall", hall)).post("/api/staff").then().statusCode(201);
        Map<String, Object> body = new HashMap<>(Map.of("username", "w" + Api.unique(), "name", "钱七",
                "password", Api.PERSON_PASSWORD, "roles", List.of("staff"), "halls", List.of(hall)));
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("staffId"));
        body.put("staffId", "nobody");
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("does not exist"));
        body.put("staffId", staff);
        body.put("halls", List.of(hall()));
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("not among halls"));
        body.put("halls", List.of(hall));
        admin().body(body).post("/api/users").then().statusCode(201).body("staffId", equalTo(staff));
        body.put("username", "w" + Api.unique());
        body.put("roles", List.of("auditor"));
        admin().body(body).post("/api/users").then().statusCode(400).body("detail", containsString("only a person"));
        body.remove("staffId");
        admin().body(body).post("/api/users").then().statusCode(201).body("roles", equalTo(List.of("auditor")));
    }
}
