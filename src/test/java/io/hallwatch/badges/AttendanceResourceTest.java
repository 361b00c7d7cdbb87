package io.hallwatch.badges;

import static io.hallwatch.badges.Scenario.at;
import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.hallwatch.devices.Device;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessage.BadgeAction;
import io.hallwatch.rules.HallRules;
import io.hallwatch.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Leave and attendance over REST. There is no test clock yet, so days are in March 2026 (before
 * today) and are finalised by calling the rules' CDI beans with explicit instants; taps go through
 * the same bean the badge handler calls.
 */
@QuarkusTest
class AttendanceResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Inject
    BadgeTaps taps;
    @Inject
    AttendanceDays days;
    @Inject
    HallRules rules;

    /** A weekday hall (Beijing, Mon-Fri 09:00-17:00) with A 张三 and B 李四 at W01 and a badge reader. */
    private record TestHall(String id, String a, String b, String cardA, String cardB, String reader) {
    }

    private static TestHall weekdayHall() {
        String id = "att" + Api.unique();
        admin().body(Map.of("id", id, "name", "考勤测试大厅", "timezone", "Asia/Shanghai")).post("/api/halls")
                .then().statusCode(201);
        TestHall hall = new TestHall(id, "a-" + id, "b-" + id, "CA" + Api.unique().toUpperCase(),
                "CB" + Api.unique().toUpperCase(), "r-" + id);
        admin().body(Map.of("id", hall.a(), "name", "张三", "hall", id, "card", hall.cardA())).post("/api/staff")
                .then().statusCode(201);
        admin().body(Map.of("id", hall.b(), "name", "李四", "hall", id, "card", hall.cardB())).post("/api/staff")
                .then().statusCode(201);
        admin().body(Map.of("id", "W01", "name", "1号窗口", "staffA", hall.a(), "staffB", hall.b()))
                .post("/api/halls/" + id + "/windows").then().statusCode(201);
        admin().body(Map.of("id", hall.reader(), "hall", id, "kind", "badge", "zone", "员工通道"))
                .post("/api/devices").then().statusCode(201);
        return hall;
    }

    private void tap(String reader, String card, BadgeAction action, String localDateTime) {
        DeviceMessage.Reading reading = new DeviceMessage.Reading(at(localDateTime), null, null,
                new DeviceMessage.Badge(card, action));
        QuarkusTransaction.requiringNew().run(() -> taps.tap(Device.findById(reader), reading, false));
    }

    private void finalise(String hall, String date) {
        QuarkusTransaction.requiringNew().run(
                () -> days.finalise(rules.lock(hall), LocalDate.parse(date), at(date + "T17:00")));
    }

    private static Map<String, Object> dayOf(JsonPath answer, String staff) {
        List<Map<String, Object>> list = answer.getList("days");
        return list.stream().filter(d -> staff.equals(d.get("staff"))).findFirst().orElseThrow();
    }

    private static JsonPath attendance(String query) {
        return admin().get("/api/attendance?" + query).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void leaveIsRecordedListedAndDeletedWithValidation() {
        TestHall hall = weekdayHall();
        String path = "/api/staff/" + hall.a() + "/leave";
        int id = admin().body(Map.of("from", "2026-03-02", "to", "2026-03-03", "kind", "annual"))
                .post(path).then().statusCode(201)
                .header("Location", matchesPattern(".*" + path + "/\\d+"))
                .body("wholeDays", equalTo(true))
                .body("start", equalTo("2026-03-01T16:00:00Z"))
                .body("end", equalTo("2026-03-03T16:00:00Z"))
                .extract().path("id");
        admin().body(Map.of("from", "2026-03-04T09:00", "to", "2026-03-04T12:00", "kind", "公出"))
                .post(path).then().statusCode(201).body("wholeDays", equalTo(false));
        admin().get(path).then().statusCode(200).body("", hasSize(2)).body("[0].kind", equalTo("annual"));

        admin().body(Map.of("from", "2026-03-03", "to", "2026-03-02")).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("before from"));
        admin().body(Map.of("from", "2026-03-02 09:00", "to", "2026-03-02")).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("yyyy-MM-ddTHH:mm"));
        admin().body(Map.of("from", "2026-01-01", "to", "2027-06-30")).post(path).then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("366"));
        admin().body(Map.of("to", "2026-03-02")).post(path).then().statusCode(400).contentType(PROBLEM);
        admin().body(Map.of("from", "2026-03-02", "to", "2026-03-02")).post("/api/staff/nobody-here/leave")
                .then().statusCode(404).contentType(PROBLEM);

        admin().delete(path + "/" + id).then().statusCode(204);
        admin().delete(path + "/" + id).then().statusCode(404).contentType(PROBLEM);
        admin().get(path).then().statusCode(200).body("", hasSize(1));
    }

    @Test
    void finalisedDaysTalliesAndRecomputationShowInTheAttendanceQuery() {
        TestHall hall = weekdayHall();
        tap(hall.reader(), hall.cardA(), BadgeAction.IN, "2026-03-02T09:07");
        tap(hall.reader(), hall.cardA(), BadgeAction.OUT, "2026-03-02T17:01");
        finalise(hall.id(), "2026-03-02");

        JsonPath answer = attendance("hall=" + hall.id() + "&from=2026-03-02&to=2026-03-02");
        assertEquals(7, dayOf(answer, hall.a()).get("lateMinutes"));
        assertEquals(true, dayOf(answer, hall.a()).get("final"));
        assertFalse(dayOf(answer, hall.a()).containsKey("isFinal"));
        assertEquals(true, dayOf(answer, hall.b()).get("absent"));
        Map<String, Object> tallyA = answer.getList("tallies", Map.class).stream()
                .filter(t -> hall.a().equals(t.get("staff"))).findFirst().orElseThrow();
        assertEquals(List.of(1, 0, 1, 0, 30, 5), List.of(tallyA.get("late"), tallyA.get("early"),
                tallyA.get("lateOrEarly"), tallyA.get("absent"), tallyA.get("lateOrEarlyLimit"), tallyA.get("absentLimit")));

        // Leave recorded afterwards judges the day again; removing it does too.
        int leave = admin().body(Map.of("from", "2026-03-02", "to", "2026-03-02", "kind", "sick"))
                .post("/api/staff/" + hall.b() + "/leave").then().statusCode(201).extract().path("id");
        Map<String, Object> onLeave = dayOf(attendance("staff=" + hall.b() + "&from=2026-03-02&to=2026-03-02"), hall.b());
        assertEquals(List.of(true, false), List.of(onLeave.get("onLeave"), onLeave.get("absent")));
        admin().delete("/api/staff/" + hall.b() + "/leave/" + leave).then().statusCode(204);
        assertEquals(true, dayOf(attendance("staff=" + hall.b() + "&from=2026-03-02&to=2026-03-02"), hall.b())
                .get("absent"));

        // A tap arriving after the day was finalised judges it again.
        tap(hall.reader(), hall.cardB(), BadgeAction.IN, "2026-03-02T08:59");
        Map<String, Object> late = dayOf(attendance("staff=" + hall.b() + "&from=2026-03-02&to=2026-03-02"), hall.b());
        assertEquals(List.of(false, true), List.of(late.get("absent"), late.get("missingOut")));
    }

    @Test
    void fiveAbsentDaysOpenAttendanceForTheStaffMember() {
        TestHall hall = weekdayHall();
        for (String date : List.of("2026-03-02", "2026-03-03", "2026-03-04", "2026-03-05", "2026-03-06")) {
            tap(hall.reader(), hall.cardA(), BadgeAction.IN, date + "T08:50");
            tap(hall.reader(), hall.cardA(), BadgeAction.OUT, date + "T17:00");
            finalise(hall.id(), date);
        }
        admin().get("/api/work-orders?hall=" + hall.id() + "&type=ATTENDANCE").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].subject", equalTo(hall.b()))
                .body("[0].team", equalTo("managers"))
                .body("[0].summary", equalTo("李四 2026年缺勤已达5天"));
    }

    @Test
    void unknownCardsAtAReaderOpenOneUnknownCardOrderWithEveryCard() {
        TestHall hall = weekdayHall();
        tap(hall.reader(), "04A1B2C3", BadgeAction.IN, "2026-03-02T08:41");
        tap(hall.reader(), "04FFEE01", BadgeAction.IN, "2026-03-02T08:43");
        admin().get("/api/work-orders?hall=" + hall.id() + "&type=UNKNOWN_CARD").then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].subject", equalTo(hall.reader()))
                .body("[0].team", equalTo("ops"))
                .body("[0].summary", equalTo("读卡器 " + hall.reader() + "（员工通道）读到未登记的卡 04A1B2C3"))
                .body("[0].details.cards", equalTo(List.of("04A1B2C3", "04FFEE01")));
    }

    @Test
    void attendanceQueryValidatesItsParameters() {
        TestHall hall = weekdayHall();
        admin().get("/api/attendance").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("hall or staff"));
        admin().get("/api/attendance?hall=" + hall.id() + "&from=2026-13-01").then().statusCode(400)
                .contentType(PROBLEM);
        admin().get("/api/attendance?hall=" + hall.id() + "&from=2026-03-05&to=2026-03-01").then().statusCode(400)
                .contentType(PROBLEM);
        admin().get("/api/attendance?hall=" + hall.id() + "&from=2025-01-01&to=2026-03-01").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("400"));
        admin().get("/api/attendance?hall=no-such-hall").then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/attendance?staff=nobody-here").then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/attendance?hall=" + hall.id() + "&from=2026-03-07&to=2026-03-08").then().statusCode(200)
                .body("days", hasSize(0)).body("tallies", hasSize(2));
    }
}
