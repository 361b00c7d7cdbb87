package io.hallwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** REST calls of ops staff, as the admin account of the test profile. */
public final class Api {

    public static final String ADMIN_PASSWORD = "test-admin";
    public static final String PERSON_PASSWORD = "crew-password-1";

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    /** REST calls of a person created with {@link #createUser}. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PERSON_PASSWORD).contentType(ContentType.JSON);
    }

    /** Creates a person with {@code role} for {@code halls}, password {@link #PERSON_PASSWORD}; returns the user name. */
    public static String createUser(String role, String... halls) {
        String username = role + "-" + unique();
        admin().body(Map.of("username", username, "name", "测试 " + username, "password", PERSON_PASSWORD,
                "roles", List.of(role), "halls", List.of(halls))).post("/api/users").then().statusCode(201);
        return username;
    }

    /** A suffix that keeps ids of this run apart from those of earlier runs on the same database. */
    public static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** The provisioned parts of a small hall: one window with A and B, and one device of each kind. */
    public record TestHall(String hall, String window, String staffA, String staffB, String card,
            Map<String, String> passwords) {

        public String presence() {
            return "p-" + hall;
        }

        public String sign() {
            return "s-" + hall;
        }

        public String bin() {
            return "b-" + hall;
        }

        public String badge() {
            return "r-" + hall;
        }

        public String password(String device) {
            return passwords.get(device);
        }
    }

    public static TestHall provisionHall() {
        String hall = "h" + unique();
        admin().body(Map.of("id", hall, "name", "测试大厅 " + hall, "timezone", "Asia/Shanghai",
                "openingHours", Map.of("alwaysOpen", true)))
                .post("/api/halls").then().statusCode(201);
        String a = "a-" + hall;
        String b = "b-" + hall;
        String card = "C" + unique().toUpperCase();
        admin().body(Map.of("id", a, "name", "张三", "hall", hall, "card", card)).post("/api/staff").then().statusCode(201);
        admin().body(Map.of("id", b, "name", "李四", "hall", hall)).post("/api/staff").then().statusCode(201);
        admin().body(Map.of("id", "W01", "name", "1号窗口", "staffA", a, "staffB", b))
                .post("/api/halls/" + hall + "/windows").then().statusCode(201);
        TestHall test = new TestHall(hall, "W01", a, b, card, new java.util.HashMap<>());
        provision(test, test.presence(), "presence", Map.of("window", "W01"));
        provision(test, test.sign(), "signage", Map.of("window", "W01"));
        provision(test, test.bin(), "bin", Map.of("zone", "东侧 east"));
        provision(test, test.badge(), "badge", Map.of("zone", "entrance"));
        return test;
    }

    private static void provision(TestHall hall, String id, String kind, Map<String, String> placement) {
        Map<String, Object> body = new java.util.HashMap<>(placement);
        body.put("id", id);
        body.put("hall", hall.hall());
        body.put("kind", kind);
        String password = admin().body(body).post("/api/devices").then().statusCode(201)
                .extract().path("mqttPassword");
        hall.passwords().put(id, password);
    }
}
