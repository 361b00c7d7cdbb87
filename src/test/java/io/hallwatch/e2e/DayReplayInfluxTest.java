package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.support.DashboardQueries;
import io.hallwatch.support.ExternalServices;
import io.hallwatch.support.InfluxDb1;
import io.hallwatch.support.InfluxdAvailable;
import io.hallwatch.support.RecordingInflux;
import io.hallwatch.timeseries.IngestPoints;
import io.hallwatch.timeseries.PendingPoints;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The replayed day with recording on: what the service really records goes through the relay into a
 * real InfluxDB (1.x behind a v2 write adapter), and then every query of every Grafana board, with its
 * macros and variables filled in for that day, must run, name only what the service wrote, and return
 * data.
 */
@ExtendWith({ExternalServices.class, InfluxdAvailable.class})
@QuarkusTest
@TestProfile(DayReplayInfluxTest.Recording.class)
class DayReplayInfluxTest extends DayReplay {

    static final String DATABASE = "hallwatch_replay";
    static final String CLIENT_ID = "hallwatch-it-replay-influx";

    /** The embedded default with recording on, into {@link #DATABASE}. */
    public static class Recording implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // On PostgreSQL and Mosquitto: a second embedded broker in one test JVM does not start cleanly.
            return RecordingInflux.config(DATABASE, ExternalServices.serviceConfig(CLIENT_ID));
        }
    }

    @Inject
    IngestPoints ingestPoints;

    @Override
    String brokerUrl() {
        return ExternalServices.mqttUrl();
    }

    @Override
    void afterReplay(String hall, LocalDate day) {
        // The day's people: a manager acknowledges what is still open, so time-to-acknowledge has data.
        List<Integer> open = admin().get("/api/work-orders?hall=" + hall + "&status=OPEN").then().statusCode(200)
                .extract().jsonPath().getList("id");
        assertFalse(open.isEmpty(), "the replayed day leaves an order open");
        admin().post("/api/work-orders/" + open.get(0) + "/ack").then().statusCode(200);
        ingestPoints.record();
        await().atMost(WAIT.multipliedBy(3)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> PendingPoints.count("rejected = false")) == 0);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> PendingPoints.count("rejected = true and lines like ?1",
                "%" + hall + "%")), "InfluxDB refused none of the service's points");
        // The boards as a manager sees them at the day's moments: just after the first time a window
        // became each of its states and a device went offline (the "now" panels must show something at
        // one of them), and at the day's end (every other panel).
        DashboardQueries boards = DashboardQueries.load(Path.of("grafana/dashboards"));
        Set<String> withData = new HashSet<>();
        DashboardQueries.Report report = null;
        for (Instant at : moments(hall, day)) {
            report = boards.run(InfluxDb1.shared(), DATABASE, at, ZONE);
            DashboardQueries.Report now = report;
            assertEquals(List.of(), now.problems(), () -> at + ":\n" + now.describe());
            now.panels().stream().filter(run -> !run.series().isEmpty()).forEach(run -> withData.add(run.where()));
        }
        DashboardQueries.Report evening = report;
        List<String> empty = new ArrayList<>();
        evening.panels().stream().map(DashboardQueries.PanelRun::where)
                .filter(where -> !withData.contains(where) && !NOTHING_THAT_DAY.contains(where)).forEach(empty::add);
        assertEquals(List.of(), empty, () -> "panels without data from the replayed day:\n" + evening.describe());
    }

    /** A second after the first point of each window state and of a device offline, then 23:59. */
    static List<Instant> moments(String hall, LocalDate day) {
        Map<String, Instant> first = new TreeMap<>();
        String where = " WHERE \"hall\" = '" + hall + "'";
        for (JsonNode row : InfluxDb1.shared().query(DATABASE, "SELECT \"state\" FROM \"window_state\"" + where)
                .path(0).path("series").path(0).path("values")) {
            first.putIfAbsent(row.path(1).asText(), Instant.ofEpochMilli(row.path(0).asLong()).plusSeconds(1));
        }
        for (JsonNode row : InfluxDb1.shared().query(DATABASE, "SELECT \"online\" FROM \"device_health\"" + where
                + " AND \"online\" = 0").path(0).path("series").path(0).path("values")) {
            first.putIfAbsent("offline", Instant.ofEpochMilli(row.path(0).asLong()).plusSeconds(1));
        }
        List<Instant> moments = new ArrayList<>(first.values());
        moments.add(day.atTime(23, 59).atZone(ZONE).toInstant());
        return moments;
    }

    /**
     * Panels the replayed day has nothing for: no message of it is refused, and no window is vacant
     * behind a pause sign in opening hours (its pause signs stand while staffed, or over lunch).
     */
    static final Set<String> NOTHING_THAT_DAY = Set.of(
            "Hall now (大厅实时) › Paused now (暂停服务) [A]",
            "Signs and devices (标牌与设备) › Messages refused (拒收消息) [A]",
            "Signs and devices (标牌与设备) › Refused messages by reason (拒收原因) [A]");
}
