package io.hallwatch.halls;

import static io.hallwatch.support.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Provisioning over REST as ops staff do it: contract section 4, with problem+json errors. */
@QuarkusTest
class RegistryResourceTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void createsAHallWithDefaultsAndReplacesItsSettings() {
        String id = "h" + Api.unique();
        admin().body(Map.of("id", id, "name", "西城区政务服务中心", "timezone", "Asia/Shanghai"))
                .post("/api/halls").then().statusCode(201)
                .header("Location", endsWith("/api/halls/" + id))
                .body("language", equalTo("zh"))
                .body("rules.offPostGraceSeconds", equalTo(900))
                .body("rules.binFullPercent", equalTo(66.7f))
                .body("openingHours.weekly[0].open", equalTo("09:00"))
                .body("openingHours.weekly[0].lunchStart", equalTo("12:00"));
        admin().body(Map.of("name", "Renamed", "timezone", "Asia/Urumqi", "language", "en",
                "openingHours", Map.of("alwaysOpen", true), "rules", Map.of("offPostGraceSeconds", 600)))
                .put("/api/halls/" + id).then().statusCode(200);
        admin().get("/api/halls/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed"))
                .body("timezone", equalTo("Asia/Urumqi"))
                .body("openingHours.alwaysOpen", equalTo(true))
                .body("rules.offPostGraceSeconds", equalTo(600))
                .body("rules.maxPauseSeconds", equalTo(1800));
    }

    @Test
    void rejectsInvalidHallsWithProblemDetails() {
        admin().body(Map.of("id", "bad id", "timezone", "Asia/Shanghai")).post("/api/halls").then()
                .statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("id must be 1 to 64 characters"))
                .body("errors.field", hasItem("name"));
        admin().body(Map.of("id", "h" + Api.unique(), "name", "x", "timezone", "Mars/Olympus")).post("/api/halls")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("Mars/Olympus"));
        admin().body(Map.of("id", "h" + Api.unique(), "name", "x", "timezone", "Asia/Shanghai",
                "rules", Map.of("binFullPercent", 95, "binCriticalPercent", 90))).post("/api/halls")
                .then().statusCode(400).body("detail", containsString("binCriticalPercent"));
        admin().body(Map.of("id", "h" + Api.unique(), "name", "x", "timezone", "Asia/Shanghai",
                "openingHours", Map.of("weekly", List.of(Map.of("days", List.of("MONDAY"), "open", "18:00", "close", "09:00")))))
                .post("/api/halls").then().statusCode(400).body("detail", containsString("open must be before close"));
        admin().body("{\"id\":\"x\",\"name\":\"x\",\"timezone\":\"Asia/Shanghai\",\"rules\":{\"binFullPercent\":\"lots\"}}")
                .post("/api/halls").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("rules.binFullPercent"))
                .body("detail", not(containsString("java")));
        admin().body("{not json").post("/api/halls").then().statusCode(400).contentType(PROBLEM);
        admin().get("/api/halls/no-such-hall").then().statusCode(404).contentType(PROBLEM)
                .body("detail", containsString("no-such-hall"));
        admin().get("/api/devices?hall=no-such-hall").then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/staff?hall=no-such-hall").then().statusCode(404).contentType(PROBLEM);
        admin().get("/api/ingest/rejections?reason=NOPE").then().statusCode(400).contentType(PROBLEM)
                .body("detail", containsString("MALFORMED_JSON"));
    }

    @Test
    void refusesDuplicatesAndStaffOfAnotherHall() {
        TestHall one = Api.provisionHall();
        TestHall other = Api.provisionHall();
        admin().body(Map.of("id", one.hall(), "name", "again", "timezone", "Asia/Shanghai"))
                .post("/api/halls").then().statusCode(409).contentType(PROBLEM);
        admin().body(Map.of("id", "W01", "name", "again", "staffA", one.staffA()))
                .post("/api/halls/" + one.hall() + "/windows").then().statusCode(409);
        admin().body(Map.of("id", "W03", "name", "nobody")).post("/api/halls/" + one.hall() + "/windows")
                .then().statusCode(400).body("detail", containsString("staffA"));
        admin().body(Map.of("id", "W02", "name", "borrowed", "staffA", other.staffA()))
                .post("/api/halls/" + one.hall() + "/windows").then().statusCode(400)
                .body("detail", containsString("not a staff member of hall"));
        admin().body(Map.of("id", "x" + Api.unique(), "name", "dup card", "hall", one.hall(), "card", one.card()))
                .post("/api/staff").then().statusCode(409).body("detail", containsString("is already registered"))
                .body("detail", not(containsString(one.staffA())));
        admin().get("/api/halls/" + one.hall() + "/windows").then().statusCode(200)
                .body("[0].staffB", equalTo(one.staffB()))
                .body("[0].devices", hasItem(one.presence()));
    }

    @Test
    void provisioningReturnsCredentialsOnceAndRevocationRemovesTheDevice() {
        TestHall hall = Api.provisionHall();
        admin().body(Map.of("id", "s2-" + hall.hall(), "hall", hall.hall(), "kind", "signage"))
                .post("/api/devices").then().statusCode(400).body("detail", containsString("window is required"));
        admin().body(Map.of("id", "s2-" + hall.hall(), "hall", hall.hall(), "kind", "signage", "window", "W99"))
                .post("/api/devices").then().statusCode(400).body("detail", containsString("W99"));
        admin().body(Map.of("id", "x-" + hall.hall(), "hall", hall.hall(), "kind", "camera"))
                .post("/api/devices").then().statusCode(400).body("detail", containsString("kind"));
        admin().body(Map.of("id", hall.bin(), "hall", hall.hall(), "kind", "bin"))
                .post("/api/devices").then().statusCode(409);
        admin().get("/api/devices/" + hall.bin()).then().statusCode(200)
                .body("mqttPassword", nullValue()).body("kind", equalTo("bin")).body("zone", equalTo("东侧 east"));
        admin().delete("/api/devices/" + hall.bin()).then().statusCode(204);
        admin().get("/api/devices?hall=" + hall.hall()).then().body("id", not(hasItem(hall.bin())));
        admin().get("/api/devices/" + hall.bin()).then().body("revokedAt", notNullValue());
        admin().body(Map.of("id", hall.bin(), "hall", hall.hall(), "kind", "bin", "zone", "新位置"))
                .post("/api/devices").then().statusCode(201).body("mqttPassword", notNullValue())
                .body("topic", equalTo("hallwatch/v1/" + hall.hall() + "/bin/" + hall.bin()));
        admin().delete("/api/devices/no-such-device").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void importsDevicesFromCsvReportingEachFailedRow() {
        TestHall hall = Api.provisionHall();
        String h = hall.hall();
        String csv = "id,hall,kind,window,zone\n"
                + "p2-" + h + "," + h + ",presence,W01,\n"
                + "bin2-" + h + "," + h + ",bin,,\"west, near desk\"\n"
                + "bad id," + h + ",bin,,\n"
                + "p3-" + h + "," + h + ",presence,W77,\n"
                + "c-" + h + "," + h + ",camera,,\n"
                + "p2-" + h + "," + h + ",presence,W01,\n"
                + "q-" + h + ",nohall,bin,,\n";
        admin().contentType("text/csv").body(csv).post("/api/devices/import").then().statusCode(200)
                .body("rows", equalTo(7)).body("created", equalTo(2)).body("failed", equalTo(5))
                .body("results[0].status", equalTo("created"))
                .body("results[0].mqttPassword", notNullValue())
                .body("results[1].line", equalTo(3))
                .body("results[2].error", containsString("id must be"))
                .body("results[3].error", containsString("W77"))
                .body("results[4].error", containsString("camera"))
                .body("results[5].error", containsString("already provisioned"))
                .body("results[6].error", containsString("nohall"));
        admin().get("/api/devices/bin2-" + h).then().statusCode(200).body("zone", equalTo("west, near desk"));
        admin().contentType("text/csv").body("id,kind\nx,bin\n").post("/api/devices/import").then()
                .statusCode(400).contentType(PROBLEM).body("detail", containsString("hall"));
    }

    @Test
    void everyApiCallNeedsTheAdminAccount() {
        given().get("/api/halls").then().statusCode(401).contentType(PROBLEM)
                .header("WWW-Authenticate", containsString("Basic"));
        given().auth().preemptive().basic("admin", "wrong").get("/api/halls").then().statusCode(401)
                .contentType(PROBLEM);
        given().auth().preemptive().basic("admin", "wrong").contentType("application/json").body("{}")
                .post("/api/halls").then().statusCode(401);
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void publishesOpenApiAndSwaggerUi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/devices/import"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/halls/{hall}/status"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
