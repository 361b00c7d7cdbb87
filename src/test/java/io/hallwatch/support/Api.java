package io.hallwatch.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST calls of the tests: as the admin account of the test profile, or as people of {@code /api/users}
 * with a role and halls; and a small provisioned hall.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "test-admin";
    public static final String PERSON_PASSWORD = "crew-password-1";

    private static final Map<String, String> SHARED = new ConcurrentHashMap<>();

    private Api() {
    }

    public static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD).contentType(ContentType.JSON);
    }

    /** REST calls of a person created with {@link #createUser}. */
    public static RequestSpecification as(String username) {
        return given().auth().preemptive().basic(username, PERSON_PASSWORD).contentType(ContentType.JSON);
    }

    /**
     * REST calls of a person with {@code role} for {@code halls} ({@code "*"} for every hall), created
     * on first use and shared by the tests of this run (a password check costs a PBKDF2 round).
     */
    public static RequestSpecification as(String role, String firstHall, String... moreHalls) {
        return as(user(role, firstHall, moreHalls));
    }

    /** The user name of the shared person of {@link #as(String, String, String...)}. */
    public static String user(String role, String firstHall, String... moreHalls) {
        List<String> halls = new ArrayList<>(List.of(firstHall));
        halls.addAll(List.of(moreHalls));
        return SHARED.computeIfAbsent(role + " " + halls, key -> create(role, null, halls));
    }

    /** Creates a person with {@code role} for {@code halls}, password {@link #PERSON_PASSWORD}; returns the user name. */
    public static String createUser(String role, String... halls) {
        return create(role, null, List.of(halls));
    }

    /** Creates a person with the role staff who is the staff member {@code staffId}, for {@code halls}. */
    public static String createStaffUser(String staffId, String... halls) {
        return create("staff", staffId, List.of(halls));
    }

    private static String create(String role, String staffId, List<String> halls) {
        String username = role + "-" + unique();
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "name", "测试 " + username,
                "password", PERSON_PASSWORD, "roles", List.of(role), "halls", halls));
        if (staffId != null) {
            body.put("staffId", staffId);
        }
        admin().body(body).post("/api/users").then().statusCode(201);
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
        TestHall test = new TestHall(hall, "W01", a, b, card, new HashMap<>());
        provision(test, test.presence(), "presence", Map.of("window", "W01"));
        provision(test, test.sign(), "signage", Map.of("window", "W01"));
        provision(test, test.bin(), "bin", Map.of("zone", "东侧 east"));
        provision(test, test.badge(), "badge", Map.of("zone", "entrance"));
        return test;
    }

    private static void provision(TestHall hall, String id, String kind, Map<String, String> placement) {
        Map<String, Object> body = new HashMap<>(placement);
        body.put("id", id);
        body.put("hall", hall.hall());
        body.put("kind", kind);
        String password = admin().body(body).post("/api/devices").then().statusCode(201)
                .extract().path("mqttPassword");
        hall.passwords().put(id, password);
    }
}
