package io.hallwatch.security;

import static io.hallwatch.security.Row.Scope.ANY;
import static io.hallwatch.security.Row.Scope.EVERY_HALL;
import static io.hallwatch.security.Row.Scope.HALL;
import static io.hallwatch.security.Row.Scope.PUBLIC;

import io.hallwatch.workorders.WorkOrderType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Every REST endpoint with the roles it takes (docs/security.md, "Roles per endpoint"). A new endpoint
 * needs a row here, or {@link RoleMatrixTest} fails; a row for an endpoint the service does not have
 * (yet) is skipped.
 */
final class Endpoints {

    static final String ADMIN = "admin";
    static final String OPS = "ops";
    static final String MANAGER = "manager";
    static final String CLEANING = "cleaning";
    static final String STAFF = "staff";
    static final String AUDITOR = "auditor";
    private static final Set<String> EVERYONE = Set.of(ADMIN, OPS, MANAGER, CLEANING, STAFF, AUDITOR);
    private static final Set<String> REGISTRY = Set.of(ADMIN, OPS, MANAGER);
    private static final Set<String> ORDERS = Set.of(ADMIN, OPS, MANAGER, CLEANING);

    private final List<Row> rows = new ArrayList<>();

    private Endpoints() {
    }

    static List<Row> all() {
        Endpoints e = new Endpoints();
        e.halls();
        e.staffAndAttendance();
        e.calendar();
        e.channelsAndOrders();
        e.people();
        e.devicesAndAudit();
        return e.rows;
    }

    private void halls() {
        add("POST", "/api/halls", Set.of(ADMIN, OPS), EVERY_HALL, c -> c.as().body(Map.of("id", c.fresh("nh"),
                "name", "新大厅", "timezone", "Asia/Shanghai")).post("/api/halls"));
        add("GET", "/api/halls", REGISTRY, ANY, c -> c.as().get("/api/halls"));
        add("GET", "/api/halls/{hall}", REGISTRY, HALL, c -> c.as().get("/api/halls/" + c.hall()));
        add("PUT", "/api/halls/{hall}", REGISTRY, HALL, c -> c.as().body(Map.of("name", "矩阵大厅", "timezone",
                "Asia/Shanghai", "openingHours", Map.of("alwaysOpen", true))).put("/api/halls/" + c.hall()));
        add("POST", "/api/halls/{hall}/windows", REGISTRY, HALL, c -> c.as().body(Map.of("id", c.fresh("W"),
                "name", "窗口", "staffA", c.side().staff())).post("/api/halls/" + c.hall() + "/windows"));
        add("GET", "/api/halls/{hall}/windows", REGISTRY, HALL, c -> c.as().get("/api/halls/" + c.hall() + "/windows"));
        add("PUT", "/api/halls/{hall}/windows/{window}", REGISTRY, HALL, c -> c.as().body(Map.of("name", "1号窗口",
                "staffA", c.side().staff())).put("/api/halls/" + c.hall() + "/windows/" + c.side().window()));
        add("GET", "/api/halls/{hall}/status", REGISTRY, HALL, c -> c.as().get("/api/halls/" + c.hall() + "/status"));
    }

    private void staffAndAttendance() {
        add("POST", "/api/staff", REGISTRY, HALL, c -> c.as().body(Map.of("id", c.fresh("st"), "name", "赵六",
                "hall", c.hall())).post("/api/staff"));
        add("GET", "/api/staff", REGISTRY, HALL, c -> c.as().get("/api/staff?hall=" + c.hall()));
        Set<String> leave = Set.of(ADMIN, MANAGER);
        add("POST", "/api/staff/{id}/leave", leave, HALL, c -> {
            String day = c.fixture().freshDate();
            return c.as().body(Map.of("from", day, "to", day)).post("/api/staff/" + c.side().staff() + "/leave");
        });
        add("GET", "/api/staff/{id}/leave", leave, HALL, c -> c.as().get("/api/staff/" + c.side().staff() + "/leave"));
        add("DELETE", "/api/staff/{id}/leave/{leaveId}", leave, HALL, c -> c.as().delete(
                "/api/staff/" + c.side().staff() + "/leave/" + c.fixture().leave(c.side().staff())));
        // Window staff ask for their own days; managers for a hall's.
        add("GET", "/api/attendance", Set.of(ADMIN, MANAGER, STAFF), HALL, c -> c.as().get("/api/attendance?"
                + (c.who() == Who.STAFF ? "staff=" + c.side().staff() : "hall=" + c.hall())));
    }

    private void calendar() {
        String days = "/api/halls/%s/calendar/days/%s";
        add("GET", "/api/halls/{hall}/calendar", REGISTRY, HALL, c -> c.as().get("/api/halls/" + c.hall() + "/calendar"));
        add("GET", "/api/halls/{hall}/calendar/days", REGISTRY, HALL, c -> c.as().get("/api/halls/" + c.hall()
                + "/calendar/days"));
        add("PUT", "/api/halls/{hall}/calendar/days/{date}", REGISTRY, HALL, c -> c.as().body(Map.of("open", false,
                "note", "停电")).put(String.format(days, c.hall(), c.fixture().freshDate())));
        add("DELETE", "/api/halls/{hall}/calendar/days/{date}", REGISTRY, HALL, c -> {
            String date = c.fixture().freshDate();
            io.hallwatch.support.Api.admin().body(Map.of("open", false)).put(String.format(days, c.hall(), date))
                    .then().statusCode(201);
            return c.as().delete(String.format(days, c.hall(), date));
        });
        String year = "/api/calendar/public-holidays/2097";
        Map<String, Object> upload = Map.of("days", List.of(Map.of("date", "2097-10-01", "kind", "HOLIDAY",
                "nameZh", "国庆节", "nameEn", "National Day")));
        add("GET", "/api/calendar/public-holidays", REGISTRY, ANY, c -> c.as().get("/api/calendar/public-holidays"));
        add("GET", "/api/calendar/public-holidays/{year}", REGISTRY, ANY,
                c -> c.as().get("/api/calendar/public-holidays/2026"));
        add("PUT", "/api/calendar/public-holidays/{year}", Set.of(ADMIN, OPS), EVERY_HALL, c -> c.as().body(upload).put(year));
        add("DELETE", "/api/calendar/public-holidays/{year}", Set.of(ADMIN, OPS), EVERY_HALL, c -> {
            io.hallwatch.support.Api.admin().body(upload).put(year).then().statusCode(200);
            return c.as().delete(year);
        });
    }

    private void channelsAndOrders() {
        Set<String> managers = Set.of(ADMIN, MANAGER);
        Map<String, Object> channel = Map.of("team", "cleaning", "kind", "WEBHOOK", "name", "保洁群", "enabled", false);
        Function<Call, String> one = c -> "/api/halls/" + c.hall() + "/channels/" + c.side().channel();
        add("GET", "/api/halls/{hall}/channels", managers, HALL, c -> c.as().get("/api/halls/" + c.hall() + "/channels"));
        add("POST", "/api/halls/{hall}/channels", managers, HALL, c -> c.as().body(Map.of("team", "ops", "kind", "WEBHOOK",
                "name", "运维群", "url", "http://127.0.0.1:9/ops", "enabled", false)).post("/api/halls/" + c.hall() + "/channels"));
        add("GET", "/api/halls/{hall}/channels/{id}", managers, HALL, c -> c.as().get(one.apply(c)));
        add("PUT", "/api/halls/{hall}/channels/{id}", managers, HALL, c -> c.as().body(channel).put(one.apply(c)));
        add("DELETE", "/api/halls/{hall}/channels/{id}", managers, HALL, c -> c.as().delete("/api/halls/" + c.hall()
                + "/channels/" + c.fixture().channel(c.hall())));
        add("POST", "/api/halls/{hall}/channels/{id}/test", managers, HALL, c -> c.as().post(one.apply(c) + "/test"));
        Function<Call, String> order = c -> "/api/work-orders/" + c.side().orderFor(c.who());
        add("GET", "/api/work-orders", ORDERS, HALL, c -> c.as().get("/api/work-orders?hall=" + c.hall()));
        add("GET", "/api/work-orders/stats", ORDERS, HALL, c -> c.as().get("/api/work-orders/stats?hall=" + c.hall()));
        add("GET", "/api/work-orders/{id}", ORDERS, HALL, c -> c.as().get(order.apply(c)));
        add("POST", "/api/work-orders/{id}/ack", ORDERS, HALL, c -> c.as().post(order.apply(c) + "/ack"));
        add("POST", "/api/work-orders/{id}/resolve", ORDERS, HALL, c -> c.as().body(Map.of("note", "处理了")).post(
                "/api/work-orders/" + MatrixFixture.order(c.hall(), teamType(c.who())) + "/resolve"));
        add("GET", "/api/work-orders/{id}/deliveries", ORDERS, HALL, c -> c.as().get(order.apply(c) + "/deliveries"));
    }

    private void people() {
        add("GET", "/api/me", EVERYONE, ANY, c -> c.as().get("/api/me"));
        add("GET", "/api/me/work-orders", EVERYONE, ANY, c -> c.as().get("/api/me/work-orders"));
        add("PUT", "/api/me/password", EVERYONE, ANY, c -> c.asNewPerson().body(Map.of("current",
                io.hallwatch.support.Api.PERSON_PASSWORD, "password", "Neues-Passwort-42")).put("/api/me/password"));
        Set<String> admin = Set.of(ADMIN);
        add("POST", "/api/users", admin, ANY, c -> c.as().body(Map.of("username", c.fresh("u"), "name", "新人",
                "password", "Long-enough-pass-1", "roles", List.of(CLEANING), "halls", List.of(c.hall())))
                .post("/api/users"));
        add("GET", "/api/users", admin, ANY, c -> c.as().get("/api/users"));
        add("PUT", "/api/users/{username}", admin, ANY, c -> c.as().body(Map.of("name", "改名", "roles", List.of(CLEANING),
                "halls", List.of(c.hall()))).put("/api/users/" + c.fixture().target()));
        add("DELETE", "/api/users/{username}", admin, ANY, c -> c.as().delete("/api/users/" + c.fixture().person()));
        add("POST", "/api/users/{username}/password", admin, ANY, c -> c.as().body(Map.of("password",
                "Reset-password-77")).post("/api/users/" + c.fixture().target() + "/password"));
    }

    private void devicesAndAudit() {
        Set<String> provisioning = Set.of(ADMIN, OPS);
        add("POST", "/api/devices", provisioning, HALL, c -> c.as().body(Map.of("id", c.fresh("d"), "hall", c.hall(),
                "kind", "bin", "zone", "后门")).post("/api/devices"));
        add("POST", "/api/devices/import", provisioning, ANY, c -> c.as().contentType("text/csv")
                .body("id,hall,kind,window,zone\n" + c.fresh("d") + "," + c.fixture().a.hall() + ",bin,,东侧\n")
                .post("/api/devices/import"));
        add("GET", "/api/devices", REGISTRY, HALL, c -> c.as().get("/api/devices?hall=" + c.hall()));
        add("GET", "/api/devices/{id}", REGISTRY, HALL, c -> c.as().get("/api/devices/" + c.side().device()));
        add("DELETE", "/api/devices/{id}", provisioning, HALL, c -> c.as().delete("/api/devices/"
                + c.fixture().device(c.hall())));
        add("POST", "/api/devices/{id}/rotate", provisioning, HALL, c -> c.as().post("/api/devices/"
                + c.side().device() + "/rotate"));
        add("GET", "/api/ingest/rejections", provisioning, HALL, c -> c.as().get("/api/ingest/rejections?hall=" + c.hall()));
        add("GET", "/api/audit", Set.of(AUDITOR), ANY, c -> c.as().get("/api/audit"));
        // The broker asks these with its shared secret (the test profile's), whoever else logs in.
        String secret = "X-HallWatch-Broker-Secret";
        add("POST", "/api/broker/authenticate", EVERYONE, PUBLIC, c -> c.as().header(secret, "test-broker-secret")
                .body(Map.of("clientid", c.fresh("c"), "username", c.fresh("nodevice"), "password", "x"))
                .post("/api/broker/authenticate"));
        add("POST", "/api/broker/authorize", EVERYONE, PUBLIC, c -> c.as().header(secret, "test-broker-secret")
                .body(Map.of("clientid", c.fresh("c"), "username", c.fresh("nodevice"), "topic", "hallwatch/v1/x/bin/y",
                        "action", "publish")).post("/api/broker/authorize"));
        add("GET", "/api/broker/sync", provisioning, EVERY_HALL, c -> c.as().get("/api/broker/sync"));
    }

    private static WorkOrderType teamType(Who who) {
        return OPS.equals(who.role) ? WorkOrderType.SIGN_FAULT : CLEANING.equals(who.role) ? WorkOrderType.BIN_FULL
                : WorkOrderType.OFF_POST;
    }

    private void add(String method, String path, Set<String> roles, Row.Scope scope, Function<Call, Response> call) {
        rows.add(new Row(method, path, roles, scope, call));
    }
}
