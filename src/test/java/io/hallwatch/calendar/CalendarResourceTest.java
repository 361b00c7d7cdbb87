package io.hallwatch.calendar;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.hallwatch.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Hall days and the effective schedule over REST, as ops staff use them; errors as problem+json. */
@QuarkusTest
class CalendarResourceTest {

    private static final String PROBLEM = "application/problem+json";

    /** A Beijing hall with the default hours (Monday to Friday 09:00-17:00, lunch 12:00-13:30) and window W01. */
    static String weekdayHall() {
        String hall = "c" + Api.unique();
        admin().body(Map.of("id", hall, "name", "日历测试大厅", "timezone", "Asia/Shanghai")).post("/api/halls")
                .then().statusCode(201);
        admin().body(Map.of("id", "s-" + hall, "name", "张三", "hall", hall)).post("/api/staff").then().statusCode(201);
        admin().body(Map.of("id", "W01", "name", "1号窗口", "staffA", "s-" + hall))
                .post("/api/halls/" + hall + "/windows").then().statusCode(201);
        return hall;
    }

    @Test
    void scheduleShowsWeekdaysHolidaysAndMakeUpDaysWithLocalTimesAndInstants() {
        String hall = weekdayHall();
        admin().get("/api/halls/" + hall + "/calendar?from=2026-09-30&to=2026-10-10").then().statusCode(200)
                .body("timezone", equalTo("Asia/Shanghai"))
                .body("days", hasSize(11))
                .body("days[0].kind", equalTo("REGULAR"))
                .body("days[0].openMinutes", equalTo(390))
                .body("days[0].open[1].from", equalTo("13:30"))
                .body("days[0].open[1].end", equalTo("2026-09-30T09:00:00Z"))
                .body("days[1].kind", equalTo("PUBLIC_HOLIDAY"))
                .body("days[1].name", equalTo("国庆节"))
                .body("days[1].nameEn", equalTo("National Day"))
                .body("days[1].open", hasSize(0))
                .body("days[10].kind", equalTo("MAKE_UP_WORKDAY"))
                .body("days[10].weekday", equalTo("SATURDAY"))
                .body("days[10].open[0].from", equalTo("09:00"));
    }

    @Test
    void hallDaysCanBeCreatedReplacedListedAndDeleted() {
        String hall = weekdayHall();
        String day = "/api/halls/" + hall + "/calendar/days/2026-03-14";
        admin().body(Map.of("open", true, "note", "周六便民服务日")).put(day).then().statusCode(201)
                .header("Location", endsWith(day)).body("openAt", nullValue());
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-14&to=2026-03-14").then()
                .body("days[0].kind", equalTo("HALL_OPEN")).body("days[0].name", equalTo("周六便民服务日"))
                .body("days[0].open[0].from", equalTo("09:00"));
        admin().body(Map.of("open", true, "openAt", "09:00", "closeAt", "19:00", "note", "延时服务")).put(day)
                .then().statusCode(200).body("closeAt", equalTo("19:00"));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-14&to=2026-03-14").then()
                .body("days[0].open[0].to", equalTo("19:00")).body("days[0].openMinutes", equalTo(600));
        admin().body(Map.of("open", false, "windows", List.of("W01"), "note", "W01 检修"))
                .put("/api/halls/" + hall + "/calendar/days/2026-03-16").then().statusCode(201);
        admin().get("/api/halls/" + hall + "/calendar/days?from=2026-03-01&to=2026-03-31").then().statusCode(200)
                .body("date", equalTo(List.of("2026-03-14", "2026-03-16")))
                .body("[1].windows", equalTo(List.of("W01")));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-16&to=2026-03-16&window=W01").then()
                .body("window", equalTo("W01")).body("days[0].kind", equalTo("HALL_CLOSED"));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-16&to=2026-03-16").then()
                .body("days[0].kind", equalTo("REGULAR"));
        admin().delete(day).then().statusCode(204);
        admin().delete(day).then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-14&to=2026-03-14").then()
                .body("days[0].kind", equalTo("WEEKLY_CLOSED"));
    }

    @Test
    void rejectsInvalidDaysAndRangesWithProblemDetails() {
        String hall = weekdayHall();
        String days = "/api/halls/" + hall + "/calendar/days/";
        admin().body(Map.of("open", true, "openAt", "18:00", "closeAt", "09:00")).put(days + "2026-03-14").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("openAt must be before closeAt"));
        admin().body(Map.of("open", false, "openAt", "09:00")).put(days + "2026-03-14").then()
                .statusCode(400).body("detail", containsString("a closed day has no openAt"));
        admin().body(Map.of("open", false, "windows", List.of("W99"))).put(days + "2026-03-14").then()
                .statusCode(400).body("detail", containsString("'W99' is not a window of hall"));
        admin().body(Map.of("note", "x")).put(days + "2026-03-14").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("open"));
        admin().body(Map.of("open", true, "openAt", "9 am")).put(days + "2026-03-14").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("openAt"));
        admin().body(Map.of("open", false)).put(days + "14.03.2026").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("2026-10-01"));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-01-01&to=2027-02-05").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("400 days"));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-10&to=2026-03-01").then().statusCode(400);
        admin().get("/api/halls/" + hall + "/calendar?window=W99").then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString("W99"));
        admin().get("/api/halls/no-such-hall/calendar").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("no-such-hall"));
        admin().body(Map.of("open", false)).put("/api/halls/no-such-hall/calendar/days/2026-03-14").then()
                .statusCode(404).contentType(PROBLEM);
    }

    @Test
    void defaultScheduleIsAWeekFromToday() {
        admin().get("/api/halls/" + weekdayHall() + "/calendar").then().statusCode(200).body("days", hasSize(7));
    }
}
