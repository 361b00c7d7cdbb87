package io.hallwatch.audit;

import static io.hallwatch.audit.AuditTrail.after;
import static io.hallwatch.audit.AuditTrail.assertLine;
import static io.hallwatch.audit.AuditTrail.before;
import static io.hallwatch.audit.AuditTrail.details;
import static io.hallwatch.audit.AuditTrail.lines;
import static io.hallwatch.audit.AuditTrail.only;
import static io.hallwatch.support.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallApi.CreateHall;
import io.hallwatch.halls.HallService;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.Severity;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderService;
import io.hallwatch.workorders.WorkOrderType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every kind of change leaves one audit line, in the transaction of the change: who, from where, on
 * which hall and object, and what changed; never a password or a channel's URL or secret.
 */
@QuarkusTest
class AuditTrailTest {

    static String auditor;

    @Inject
    HallService halls;
    @Inject
    WorkOrderService orders;
    @Inject
    AuditLog audit;

    @BeforeEach
    void auditor() {
        if (auditor == null) {
            auditor = AuditTrail.auditor("*");
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> line(String action, String target) {
        return only(auditor, Map.of("action", action, "target", target));
    }

    @Test
    void aHallIsRecordedWholeWhenCreatedAndByItsChangedSettingsWhenUpdated() {
        TestHall h = Api.provisionHall();
        Map<String, Object> created = line("hall.create", h.hall());
        assertLine(created, "admin", "hall.create", h.hall(), h.hall());
        assertEquals("测试大厅 " + h.hall(), after(created).get("name"));
        assertEquals(66.7, ((Map<?, ?>) after(created).get("rules")).get("binFullPercent"));
        admin().body(Map.of("name", "新名字", "timezone", "Asia/Shanghai", "openingHours", Map.of("alwaysOpen", true),
                "rules", Map.of("binFullPercent", 70.0), "deadlines", Map.of("BIN_FULL", Map.of("acknowledgeMinutes", 5))))
                .put("/api/halls/" + h.hall()).then().statusCode(200);
        Map<String, Object> updated = line("hall.update", h.hall());
        assertLine(updated, "admin", "hall.update", h.hall(), h.hall());
        assertEquals(map("name", "测试大厅 " + h.hall(), "rules.binFullPercent", 66.7,
                "deadlines.BIN_FULL.acknowledgeMinutes", 15), before(updated));
        assertEquals(map("name", "新名字", "rules.binFullPercent", 70.0, "deadlines.BIN_FULL.acknowledgeMinutes", 5),
                after(updated));
    }

    @Test
    void staffAndWindowsAreRecordedWithWhatChanged() {
        TestHall h = Api.provisionHall();
        Map<String, Object> staff = line("staff.create", h.staffA());
        assertLine(staff, "admin", "staff.create", h.hall(), h.staffA());
        assertEquals(h.card(), after(staff).get("card"));
        Map<String, Object> window = only(auditor, Map.of("action", "window.create", "hall", h.hall()));
        assertLine(window, "admin", "window.create", h.hall(), h.window());
        assertEquals(h.staffB(), after(window).get("staffB"));
        admin().body(Map.of("name", "1号窗口（新）", "staffA", h.staffA())).put("/api/halls/" + h.hall() + "/windows/W01")
                .then().statusCode(200);
        Map<String, Object> updated = only(auditor, Map.of("action", "window.update", "hall", h.hall()));
        assertLine(updated, "admin", "window.update", h.hall(), h.window());
        assertEquals(map("name", "1号窗口", "staffB", h.staffB()), before(updated));
        assertEquals(map("name", "1号窗口（新）", "staffB", null), after(updated));
    }

    @Test
    void peopleAreRecordedWithRolesAndHallsAndAPasswordChangeAsSuchNeverThePassword() {
        String hall = Api.provisionHall().hall();
        String user = Api.createUser("cleaning", hall);
        Map<String, Object> created = line("user.create", user);
        assertLine(created, "admin", "user.create", null, user);
        assertHas(map("username", user, "name", "测试 " + user, "roles", List.of("cleaning"), "halls", List.of(hall)),
                after(created));
        admin().body(Map.of("name", "王师傅", "password", "a-new-password-2", "roles", List.of("ops"), "halls", List.of(hall)))
                .put("/api/users/" + user).then().statusCode(200);
        Map<String, Object> updated = line("user.update", user);
        // The password's change time is in the diff too; the password itself never is.
        assertHas(map("name", "测试 " + user, "roles", List.of("cleaning")), before(updated));
        assertHas(map("name", "王师傅", "roles", List.of("ops")), after(updated));
        Map<String, Object> password = line("user.password", user);
        assertLine(password, "admin", "user.password", null, user);
        assertEquals(Map.of("reset", true), details(password));
        admin().delete("/api/users/" + user).then().statusCode(204);
        assertLine(line("user.delete", user), "admin", "user.delete", null, user);
        String all = Api.as(auditor).queryParam("target", user).get("/api/audit").then().extract().asString();
        for (String secret : List.of(Api.PERSON_PASSWORD, "a-new-password-2", "pbkdf2")) {
            assertFalse(all.contains(secret), secret + " in " + all);
        }
    }

    @Test
    void channelsAreRecordedWithAHintOfTheirUrlNeverTheUrlOrSecret() {
        String hall = Api.provisionHall().hall();
        String key = "audit-key-" + Api.unique();
        String secret = "SEC-audit-" + Api.unique();
        String url = "https://oapi.dingtalk.com/robot/send?access_token=" + key;
        long id = admin().body(Map.of("team", "cleaning", "kind", "DINGTALK", "name", "保洁群", "url", url, "secret", secret))
                .post("/api/halls/" + hall + "/channels").then().statusCode(201).extract().jsonPath().getLong("id");
        String target = String.valueOf(id);
        Map<String, Object> created = line("channel.create", target);
        assertLine(created, "admin", "channel.create", hall, target);
        assertEquals("https://oapi.dingtalk.com/…", after(created).get("urlHint"));
        assertEquals(true, after(created).get("secretSet"));
        admin().body(Map.of("team", "cleaning", "kind", "DINGTALK", "name", "保洁班组群", "url", url + "-2", "secret", ""))
                .put("/api/halls/" + hall + "/channels/" + id).then().statusCode(200);
        Map<String, Object> updated = line("channel.update", target);
        assertEquals(map("name", "保洁群", "secretSet", true), before(updated));
        assertEquals(map("name", "保洁班组群", "secretSet", false), after(updated));
        assertEquals("replaced", details(updated).get("url"));
        assertEquals("removed", details(updated).get("secret"));
        admin().delete("/api/halls/" + hall + "/channels/" + id).then().statusCode(204);
        assertEquals("保洁班组群", before(line("channel.delete", target)).get("name"));
        String all = Api.as(auditor).queryParam("hall", hall).get("/api/audit").then().extract().asString();
        assertFalse(all.contains(key), all);
        assertFalse(all.contains(secret), all);
    }

    @Test
    void calendarDaysAreRecordedWithWhatChanged() {
        TestHall h = Api.provisionHall();
        String days = "/api/halls/" + h.hall() + "/calendar/days/2026-10-09";
        admin().body(Map.of("open", false, "note", "停电检修")).put(days).then().statusCode(201);
        admin().body(Map.of("open", true, "openAt", "09:00", "closeAt", "12:00", "note", "停电检修")).put(days)
                .then().statusCode(200);
        List<Map<String, Object>> set = lines(auditor, Map.of("action", "calendar.day", "hall", h.hall()));
        assertEquals(2, set.size());
        assertLine(set.get(1), "admin", "calendar.day", h.hall(), "2026-10-09");
        assertEquals(false, after(set.get(1)).get("open"));
        assertEquals(map("open", false, "openAt", null, "closeAt", null), before(set.get(0)));
        assertEquals(map("open", true, "openAt", "09:00", "closeAt", "12:00"), after(set.get(0)));
        admin().delete(days).then().statusCode(204);
        assertEquals(true, before(only(auditor, Map.of("action", "calendar.delete", "hall", h.hall()))).get("open"));
    }

    @Test
    void publicHolidayUploadsAreRecordedWithTheirDates() {
        String year = "/api/calendar/public-holidays/2097";
        admin().body(Map.of("source", "审计测试", "days", List.of(Map.of("date", "2097-10-01", "kind", "HOLIDAY",
                "nameZh", "国庆节")))).put(year).then().statusCode(200);
        Map<String, Object> upload = lines(auditor, Map.of("action", "holidays.upload", "target", "2097")).get(0);
        assertLine(upload, "admin", "holidays.upload", null, "2097");
        assertEquals("审计测试", details(upload).get("source"));
        assertEquals("2097-10-01", ((Map<?, ?>) ((List<?>) details(upload).get("days")).get(0)).get("date"));
        admin().delete(year).then().statusCode(204);
        assertLine(lines(auditor, Map.of("action", "holidays.delete", "target", "2097")).get(0), "admin",
                "holidays.delete", null, "2097");
    }

    @Test
    void leaveIsRecordedWithoutItsNote() {
        TestHall h = Api.provisionHall();
        String leave = "/api/staff/" + h.staffA() + "/leave";
        long id = admin().body(Map.of("from", "2026-10-12", "to", "2026-10-13", "kind", "annual", "note", "家里有事 private"))
                .post(leave).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> taken = line("leave.create", h.staffA());
        assertLine(taken, "admin", "leave.create", h.hall(), h.staffA());
        assertEquals(id, ((Number) after(taken).get("id")).longValue());
        assertEquals(List.of("annual", "2026-10-12", "2026-10-13"),
                List.of(after(taken).get("kind"), after(taken).get("from"), after(taken).get("to")));
        assertFalse(after(taken).containsKey("note"));
        admin().delete(leave + "/" + id).then().statusCode(204);
        assertFalse(before(line("leave.delete", h.staffA())).containsKey("note"));
    }

    @Test
    void acknowledgingAndResolvingAnOrderAreRecordedOnceEachWithTheNote() {
        String hall = Api.provisionHall().hall();
        String cleaner = Api.createUser("cleaning", hall);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> orders.apply(Hall.findById(hall), List.of(new Open(
                WorkOrderType.BIN_FULL, "b-audit", now, now, Severity.MEDIUM, new Text("满", "Bin full"), Map.of("fill", 70),
                "rule:BIN_FULL sensor:b-audit"))));
        long id = ((Number) admin().get("/api/work-orders?hall=" + hall).then().extract().jsonPath().getList("id").get(0))
                .longValue();
        Api.as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200);
        Api.as(cleaner).post("/api/work-orders/" + id + "/ack").then().statusCode(200);
        Api.as(cleaner).body(Map.of("note", "换了新袋子")).post("/api/work-orders/" + id + "/resolve").then().statusCode(200);
        String target = String.valueOf(id);
        Map<String, Object> ack = line("order.acknowledge", target);
        assertLine(ack, cleaner, "order.acknowledge", hall, target);
        assertEquals(Map.of("type", "BIN_FULL", "subject", "b-audit"), details(ack));
        Map<String, Object> resolved = line("order.resolve", target);
        assertLine(resolved, cleaner, "order.resolve", hall, target);
        assertEquals("换了新袋子", details(resolved).get("note"));
    }

    @Test
    void aChangeRolledBackLeavesNoLineAndNoLineIsWrittenOutsideATransaction() {
        String id = "rb" + Api.unique();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            halls.create(new CreateHall(id, "回滚大厅", "Asia/Shanghai", "zh", null, null));
            throw new IllegalStateException("fails after the change and its audit line");
        }));
        admin().get("/api/halls/" + id).then().statusCode(404);
        assertEquals(List.of(), lines(auditor, Map.of("target", id)));

        String hall = Api.provisionHall().hall();
        admin().body(Map.of("name", "x", "timezone", "Asia/Shanghai", "rules", Map.of("binFullPercent", 150)))
                .put("/api/halls/" + hall).then().statusCode(400);
        assertEquals(List.of(), lines(auditor, Map.of("action", "hall.update", "hall", hall)));
        assertThrows(TransactionalException.class, () -> audit.record("hall.update", hall, hall, null));
    }

    @Test
    void noLineHoldsAPasswordAHashOrAChannelAddress() {
        for (int offset = 0; ; offset += 1000) {
            List<Map<String, Object>> page = lines(auditor, Map.of("limit", 1000, "offset", offset));
            page.forEach(line -> assertNoSecret(line.get("action") + " " + line.get("target"), line.get("details")));
            if (page.size() < 1000) {
                return;
            }
        }
    }

    /** Keys that name a secret may only say whether it was set; no text may hold a hash or a robot key. */
    static void assertNoSecret(String where, Object json) {
        if (json instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (String.valueOf(key).toLowerCase().matches(".*(password|secret|token|hash)$")) {
                    assertFalse(value instanceof String && !List.of("replaced", "removed").contains(value),
                            where + ": " + key + " = " + value);
                }
                assertNoSecret(where, value);
            });
        } else if (json instanceof List<?> list) {
            list.forEach(value -> assertNoSecret(where, value));
        } else if (json instanceof String text) {
            assertFalse(text.contains("pbkdf2") || text.contains("access_token=") || text.contains("key="), where + ": " + text);
        }
    }

    /** {@code actual} holds every entry of {@code expected} (it may say more, such as change times). */
    private static void assertHas(Map<String, Object> expected, Map<String, Object> actual) {
        assertTrue(actual.entrySet().containsAll(expected.entrySet()), "expected " + expected + " within " + actual);
    }
}
