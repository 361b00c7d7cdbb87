package io.hallwatch.calendar;

import static io.hallwatch.support.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Windows with their own hours, and the cached calendar following every change at once. */
@QuarkusTest
class WindowHoursResourceTest {

    private static final String PROBLEM = "application/problem+json";
    /** Wednesday 2026-03-11, 08:30 in Beijing. */
    private static final Instant WEDNESDAY_0830 = Instant.parse("2026-03-11T00:30:00Z");

    @Inject
    CalendarService calendars;

    private static Map<String, Object> mornings() {
        return Map.of("weekly", List.of(Map.of("days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "open", "08:00", "close", "12:00")));
    }

    @Test
    void windowHoursComeWithCreateAndPutAndTheCalendarFollowsAtOnce() {
        String hall = CalendarResourceTest.weekdayHall();
        String staff = "s-" + hall;
        HallCalendar before = calendars.of(hall);
        assertSame(before, calendars.of(hall));
        assertFalse(before.isOpen(WEDNESDAY_0830, "W02"));
        admin().body(Map.of("id", "W02", "name", "早班窗口", "staffA", staff, "openingHours", mornings()))
                .post("/api/halls/" + hall + "/windows").then().statusCode(201)
                .body("openingHours.weekly[0].open", equalTo("08:00"));
        assertTrue(calendars.of(hall).isOpen(WEDNESDAY_0830, "W02"));
        admin().get("/api/halls/" + hall + "/calendar?from=2026-03-11&to=2026-03-11&window=W02").then()
                .body("days[0].open[0].from", equalTo("08:00")).body("days[0].open[0].to", equalTo("12:00"));
        admin().body(Map.of("name", "全天窗口", "staffA", staff)).put("/api/halls/" + hall + "/windows/W02")
                .then().statusCode(200).body("name", equalTo("全天窗口")).body("openingHours", nullValue());
        assertFalse(calendars.of(hall).isOpen(WEDNESDAY_0830, "W02"));
        admin().get("/api/halls/" + hall + "/windows").then().body("[1].id", equalTo("W02"))
                .body("[1].openingHours", nullValue()).body("[0].openingHours", nullValue());
    }

    @Test
    void hallHoursChangeReachesTheCachedCalendar() {
        String hall = CalendarResourceTest.weekdayHall();
        HallCalendar before = calendars.of(hall);
        admin().body(Map.of("name", "x", "timezone", "Asia/Shanghai", "openingHours", Map.of("alwaysOpen", true)))
                .put("/api/halls/" + hall).then().statusCode(200);
        HallCalendar after = calendars.of(hall);
        assertNotSame(before, after);
        assertTrue(after.isOpen(Instant.parse("2026-10-01T18:00:00Z"), null));
    }

    @Test
    void hallDayChangeReachesTheCachedCalendar() {
        String hall = CalendarResourceTest.weekdayHall();
        assertTrue(calendars.of(hall).isOpen(Instant.parse("2026-03-11T02:00:00Z"), "W01"));
        admin().body(Map.of("open", false, "note", "停电")).put("/api/halls/" + hall + "/calendar/days/2026-03-11")
                .then().statusCode(201);
        assertFalse(calendars.of(hall).isOpen(Instant.parse("2026-03-11T02:00:00Z"), "W01"));
    }

    @Test
    void windowPutIsValidatedLikeCreate() {
        String hall = CalendarResourceTest.weekdayHall();
        String staff = "s-" + hall;
        String window = "/api/halls/" + hall + "/windows/W01";
        admin().body(Map.of("name", "x", "staffA", staff, "staffB", staff)).put(window).then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("staffB must be someone other"));
        admin().body(Map.of("name", "x", "staffA", "nobody")).put(window).then()
                .statusCode(400).body("detail", containsString("not a staff member of hall"));
        admin().body(Map.of("name", "x", "staffA", staff, "openingHours", Map.of("weekly", List.of()))).put(window)
                .then().statusCode(400).body("detail", containsString("at least one period"));
        admin().body(Map.of("name", "x")).put(window).then().statusCode(400).body("errors[0].field", equalTo("staffA"));
        admin().body(Map.of("name", "x", "staffA", staff)).put("/api/halls/" + hall + "/windows/W99").then()
                .statusCode(404).contentType(PROBLEM).body("detail", containsString("W99"));
        admin().body(Map.of("id", "W03", "name", "x", "staffA", staff,
                "openingHours", Map.of("weekly", List.of(Map.of("days", List.of("MONDAY"), "open", "18:00", "close", "09:00")))))
                .post("/api/halls/" + hall + "/windows").then().statusCode(400)
                .body("detail", containsString("open must be before close"));
    }
}
