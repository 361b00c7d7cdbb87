package io.hallwatch.calendar;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Public holiday years over REST: the shipped data, an upload that replaces a year, and going back.
 * Uploads use 2098 and 2099, years no release ships, so that other tests keep the real data.
 */
@QuarkusTest
class PublicHolidayResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shippedYearShowsTheNoticeItComesFrom() {
        admin().get("/api/calendar/public-holidays/2026").then().statusCode(200)
                .body("origin", equalTo("SHIPPED"))
                .body("source", containsString("国办发明电〔2025〕7号"))
                .body("days.find { it.date == '2026-02-14' }.kind", equalTo("WORKDAY"))
                .body("days.find { it.date == '2026-10-01' }.nameZh", equalTo("国庆节"));
        admin().get("/api/calendar/public-holidays").then().statusCode(200)
                .body("find { it.year == 2025 }.holidays", equalTo(28))
                .body("find { it.year == 2025 }.workdays", equalTo(5));
    }

    @Test
    void uploadedYearWinsInTheScheduleUntilDeleted() {
        String hall = CalendarResourceTest.weekdayHall();
        String year = "/api/calendar/public-holidays/2099";
        admin().delete(year);
        admin().get(year).then().statusCode(404).contentType(PROBLEM).body("detail", containsString("PUT"));
        admin().body(Map.of("source", "测试通知", "days", List.of(
                        Map.of("date", "2099-10-01", "kind", "HOLIDAY", "nameZh", "国庆节", "nameEn", "National Day"),
                        Map.of("date", "2099-10-10", "kind", "WORKDAY", "nameZh", "国庆节"))))
                .put(year).then().statusCode(200)
                .body("origin", equalTo("UPLOADED")).body("uploadedAt", notNullValue()).body("days", hasSize(2));
        admin().get("/api/halls/" + hall + "/calendar?from=2099-10-01&to=2099-10-10").then()
                .body("days[0].kind", equalTo("PUBLIC_HOLIDAY"))
                .body("days[9].kind", equalTo("MAKE_UP_WORKDAY"));
        admin().get("/api/calendar/public-holidays").then().body("year", hasItem(2099));
        admin().delete(year).then().statusCode(204);
        admin().get("/api/halls/" + hall + "/calendar?from=2099-10-01&to=2099-10-01").then()
                .body("days[0].kind", equalTo("REGULAR"));
        admin().delete(year).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void rejectsDatesOutsideTheYearDuplicatesAndUnknownKinds() {
        String year = "/api/calendar/public-holidays/2098";
        admin().body(Map.of("days", List.of(Map.of("date", "2097-12-31", "kind", "HOLIDAY")))).put(year).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("is not in 2098"));
        admin().body(Map.of("days", List.of(Map.of("date", "2098-01-01", "kind", "HOLIDAY"),
                        Map.of("date", "2098-01-01", "kind", "WORKDAY")))).put(year).then()
                .statusCode(400).body("detail", containsString("appears more than once"));
        admin().body(Map.of("days", List.of(Map.of("date", "2098-01-01", "kind", "HALF_DAY")))).put(year).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("kind"));
        admin().body(Map.of("days", List.of(Map.of("date", "2098-01-01")))).put(year).then()
                .statusCode(400).body("detail", containsString("kind must be HOLIDAY or WORKDAY"));
        admin().body(Map.of("source", "x")).put(year).then().statusCode(400).body("errors[0].field", equalTo("days"));
        admin().body(Map.of("days", List.of())).put("/api/calendar/public-holidays/twenty").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("2000 to 2099"));
        admin().get(year).then().statusCode(404);
    }
}
