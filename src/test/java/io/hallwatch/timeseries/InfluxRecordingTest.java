package io.hallwatch.timeseries;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.ExternalServices;
import io.hallwatch.support.InfluxDb1;
import io.hallwatch.support.InfluxV2Adapter;
import io.hallwatch.support.InfluxdAvailable;
import io.hallwatch.support.RecordingInflux;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the service records reaches a real InfluxDB (1.x behind a v2 write adapter), and nothing is lost
 * when InfluxDB is down, busy, or refuses a point.
 */
@ExtendWith({ExternalServices.class, InfluxdAvailable.class})
@QuarkusTest
@TestProfile(InfluxRecordingTest.Recording.class)
class InfluxRecordingTest {

    static final String DATABASE = "hallwatch_recording";
    static final Duration WAIT = Duration.ofSeconds(30);

    /** The service with recording on, into {@link #DATABASE} through the adapter. */
    public static class Recording implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // On PostgreSQL and Mosquitto: a second embedded broker in one test JVM does not start cleanly.
            Map<String, String> config = new HashMap<>(ExternalServices.serviceConfig("hallwatch-it-recording"));
            config.put("hallwatch.timeseries.max-retry", "2s");
            return RecordingInflux.config(DATABASE, config);
        }
    }

    static InfluxV2Adapter adapter() {
        return RecordingInflux.adapter(DATABASE);
    }

    @Inject
    MqttIngest ingest;
    @Inject
    Recorder recorder;
    @Inject
    MeterRegistry registry;

    @BeforeEach
    void connected() {
        await().atMost(WAIT).until(ingest::isConnected);
    }

    @AfterEach
    void influxBack() {
        adapter().unavailable(false);
        adapter().start();
    }

    static long count(String influxql) {
        JsonNode series = InfluxDb1.shared().query(DATABASE, influxql).path(0).path("series");
        return series.isMissingNode() || series.isEmpty() ? 0 : series.path(0).path("values").path(0).path(1).asLong();
    }

    static long pending() {
        return QuarkusTransaction.requiringNew().call(() -> PendingPoints.count("rejected = false"));
    }

    void publishBin(TestHall hall, int readings, double fill) throws Exception {
        Instant base = Instant.now().minusSeconds(readings + 10L);
        try (DeviceClient bin = DeviceClient.connect(ingest.brokerUrl(), hall.bin(), hall.password(hall.bin()))) {
            for (int i = 0; i < readings; i++) {
                bin.publish(Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin()),
                        "{\"ts\":\"" + base.plusSeconds(i) + "\",\"fill\":" + fill + ",\"battery\":88}");
            }
        }
    }

    @Test
    void readingsStatesAndOrdersRaisedEndToEndAppearInInfluxDb() throws Exception {
        TestHall hall = Api.provisionHall();
        try (DeviceClient presence = DeviceClient.connect(ingest.brokerUrl(), hall.presence(), hall.password(hall.presence()))) {
            presence.publish(Topics.reading(hall.hall(), DeviceKind.PRESENCE, hall.presence()),
                    "{\"ts\":\"" + Instant.now().minusSeconds(30) + "\",\"occupied\":true}");
        }
        publishBin(hall, 1, 80);
        String where = " WHERE \"hall\" = '" + hall.hall() + "'";
        await().atMost(WAIT).until(() -> count("SELECT count(\"id\") FROM \"work_order\"" + where + " AND \"event\" = 'opened'") == 1);
        assertEquals(1, count("SELECT count(\"fill\") FROM \"bin_fill\"" + where));
        assertEquals(1, count("SELECT count(\"battery\") FROM \"device_health\"" + where));
        assertEquals(1, count("SELECT count(\"occupied\") FROM \"presence\"" + where));
        assertEquals(1, count("SELECT count(\"code\") FROM \"window_state\"" + where + " AND \"state\" = 'staffed'"));
        assertEquals(1, count("SELECT last(\"count\") FROM \"open_orders\"" + where + " AND \"type\" = 'BIN_FULL'"));
    }

    @Test
    void anInfluxOutageOfAnyLengthLosesNothing() throws Exception {
        TestHall hall = Api.provisionHall();
        adapter().stop();
        publishBin(hall, 40, 70);
        String where = " WHERE \"hall\" = '" + hall.hall() + "'";
        await().atMost(WAIT).until(() -> pending() > 0 && count("SELECT count(\"fill\") FROM \"bin_fill\"" + where) == 0);
        adapter().start();
        await().atMost(WAIT).until(() -> count("SELECT count(\"fill\") FROM \"bin_fill\"" + where) == 40);
        await().atMost(WAIT).until(() -> pending() == 0);
        assertEquals(1, count("SELECT count(\"id\") FROM \"work_order\"" + where + " AND \"event\" = 'opened'"));
    }

    @Test
    void aBusyInfluxIsWaitedOutAsItAsks() throws Exception {
        TestHall hall = Api.provisionHall();
        adapter().unavailable(true);
        long before = adapter().writeRequests();
        publishBin(hall, 5, 20);
        await().atMost(WAIT).until(() -> adapter().writeRequests() > before);
        String where = " WHERE \"hall\" = '" + hall.hall() + "'";
        assertEquals(0, count("SELECT count(\"fill\") FROM \"bin_fill\"" + where));
        adapter().unavailable(false);
        await().atMost(WAIT).until(() -> count("SELECT count(\"fill\") FROM \"bin_fill\"" + where) == 5);
    }

    @Test
    void aPointInfluxRefusesIsKeptAndCountedWithoutHoldingUpTheRest() {
        String hall = "refused" + Api.unique();
        QuarkusTransaction.requiringNew().run(() -> recorder.record(
                Line.of("bin_fill").tag("hall", hall).tag("device", "d").field("fill", 50.0).at(Instant.now().minusSeconds(9))));
        await().atMost(WAIT).until(() -> count("SELECT count(\"fill\") FROM \"bin_fill\" WHERE \"hall\" = '" + hall + "'") == 1);
        double rejectedBefore = registry.counter("hallwatch.timeseries.rejected").count();
        QuarkusTransaction.requiringNew().run(() -> recorder.record(
                Line.of("bin_fill").tag("hall", hall).tag("device", "d").field("fill", "not a number").at(Instant.now().minusSeconds(8))));
        QuarkusTransaction.requiringNew().run(() -> recorder.record(
                Line.of("bin_fill").tag("hall", hall).tag("device", "d").field("fill", 60.0).at(Instant.now().minusSeconds(7))));
        await().atMost(WAIT).until(() -> count("SELECT count(\"fill\") FROM \"bin_fill\" WHERE \"hall\" = '" + hall + "'") == 2);
        await().atMost(WAIT).until(() -> registry.counter("hallwatch.timeseries.rejected").count() == rejectedBefore + 1);
        PendingPoints refused = QuarkusTransaction.requiringNew().call(() ->
                PendingPoints.<PendingPoints>find("rejected = true and lines like ?1", "%" + hall + "%").firstResult());
        assertTrue(refused.lastError.startsWith("4"), refused.lastError);
    }
}
