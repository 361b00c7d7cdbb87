package io.hallwatch.users;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.hallwatch.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** People are added, changed and removed by the admin, and their logins follow at once. */
@QuarkusTest
class UserResourceTest {

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
        Api.as(user).get("/api/me").then().statusCode(401);
        io.restassured.RestAssured.given().auth().preemptive().basic(user, "a-new-password-2").get("/api/me").then()
                .statusCode(200).body("teams", equalTo(List.of("ops")));
        admin().delete("/api/users/" + user).then().statusCode(204);
        io.restassured.RestAssured.given().auth().preemptive().basic(user, "a-new-password-2").get("/api/me").then()
                .statusCode(401);
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
}
