package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.RejectionReason;
import io.hallwatch.ingest.Topics;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.RecordingPresenceHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The end-to-end flow of the foundation issue, run against each broker and database pairing by its
 * subclasses: provision over REST, publish as real devices, see the hall status change, see bad
 * messages rejected and counted while good ones flow, and receive what was published while the
 * service was away, once each; and a work order reach a crew handheld on the alerts topic.
 */
abstract class HallFlowScenario {

    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    MqttIngest ingest;
    @Inject
    RecordingPresenceHandler recorder;
    @Inject
    MeterRegistry registry;

    TestHall hall;

    @ConfigProperty(name = "hallwatch.mqtt.client-id")
    String serviceClientId;

    /** Connects as one of the test hall's devices. */
    abstract DeviceClient device(String id) throws Exception;

    /** Connects under the given client id with one of the test hall's devices' credentials, kicking its holder. */
    abstract DeviceClient takeOver(String clientId, String device) throws Exception;

    /** Publishes as a device id that was never provisioned, or one that was revoked meanwhile. */
    abstract void publishAsUnknownDevice(TestHall hall) throws Exception;

    @BeforeEach
    void provision() {
        await().atMost(WAIT).until(ingest::isConnected);
        hall = Api.provisionHall();
    }

    static String now() {
        return Instant.now().toString();
    }

    String topic(DeviceKind kind, String device) {
        return Topics.reading(hall.hall(), kind, device);
    }

    @Test
    void aBinPastTwoThirdsReachesTheCleaningCrewOnItsAlertsTopic() throws Exception {
        String cleaner = Api.createUser("cleaning", hall.hall());
        List<String> heard = new CopyOnWriteArrayList<>();
        MqttClient handheld = new MqttClient(ingest.brokerUrl(), "handheld-" + hall.hall(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(cleaner);
        options.setPassword(Api.PERSON_PASSWORD.toCharArray());
        handheld.connect(options);
        handheld.subscribe(Topics.alerts(hall.hall(), "cleaning"), 1,
                (topic, message) -> heard.add(new String(message.getPayload(), StandardCharsets.UTF_8)));
        long readingsBefore = latencyCount("hallwatch.ingest.latency");
        long ordersBefore = latencyCount("hallwatch.workorders.open.latency", "type", "BIN_FULL", "trigger", "message");
        try (DeviceClient bin = device(hall.bin())) {
            bin.publish(topic(DeviceKind.BIN, hall.bin()), "{\"ts\":\"" + now() + "\",\"fill\":75}");
            await().atMost(WAIT).until(() -> heard.size() == 1);
        } finally {
            handheld.disconnect();
            handheld.close();
        }
        assertTrue(heard.get(0).contains("\"event\":\"opened\""), heard.get(0));
        assertTrue(heard.get(0).contains("\"type\":\"BIN_FULL\""), heard.get(0));
        // The order's latency from the reading's ts to its commit is in the histogram operators watch.
        await().atMost(WAIT).until(() -> latencyCount("hallwatch.ingest.latency") > readingsBefore);
        assertEquals(ordersBefore + 1,
                latencyCount("hallwatch.workorders.open.latency", "type", "BIN_FULL", "trigger", "message"));
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertTrue(metrics.contains("hallwatch_ingest_latency_seconds_bucket{le=\"0.1\"}"), "no 100 ms bucket");
        assertTrue(metrics.contains("hallwatch_workorders_open_latency_seconds_bucket{trigger=\"message\",type=\"BIN_FULL\",le=\"0.1\"}"),
                "no BIN_FULL bucket");
    }

    private long latencyCount(String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void readingsOfEachKindShowInTheHallStatus() throws Exception {
        try (DeviceClient presence = device(hall.presence()); DeviceClient sign = device(hall.sign());
                DeviceClient bin = device(hall.bin()); DeviceClient badge = device(hall.badge())) {
            presence.publish(topic(DeviceKind.PRESENCE, hall.presence()),
                    "{\"ts\":\"" + now() + "\",\"occupied\":true,\"seq\":1,\"battery\":87}");
            sign.publish(topic(DeviceKind.SIGNAGE, hall.sign()),
                    "{\"ts\":" + System.currentTimeMillis() + ",\"state\":\"ok\",\"showing\":\"paused\"}");
            bin.publish(topic(DeviceKind.BIN, hall.bin()), "{\"ts\":\"" + now() + "\",\"fill\":71.5}");
            badge.publish(topic(DeviceKind.BADGE, hall.badge()),
                    "{\"ts\":\"" + now() + "\",\"card\":\"" + hall.card().toLowerCase() + "\",\"action\":\"in\"}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .statusCode(200)
                .body("windows[0].presence.occupied", equalTo(true))
                .body("windows[0].sign.state", equalTo("ok"))
                .body("windows[0].sign.showing", equalTo("paused"))
                .body("bins[0].fill", equalTo(71.5f))
                .body("badgeReaders[0].lastCard", equalTo(hall.card()))
                .body("badgeReaders[0].lastAction", equalTo("in")));
        admin().get("/api/devices?hall=" + hall.hall()).then().statusCode(200)
                .body("find { it.id == '" + hall.presence() + "' }.battery", equalTo(87.0f))
                .body("find { it.id == '" + hall.presence() + "' }.online", equalTo(true))
                .body("find { it.id == '" + hall.presence() + "' }.lastSeen", org.hamcrest.Matchers.notNullValue());
    }

    /** Connects as a device with a retained {@code offline} last will. */
    abstract DeviceClient deviceWithWill(String id) throws Exception;

    @Test
    void aDeviceThatDropsOffIsMarkedOfflineByItsLastWill() throws Exception {
        String statusTopic = Topics.status(hall.hall(), hall.presence());
        DeviceClient presence = deviceWithWill(hall.presence());
        presence.publish(statusTopic, "online".getBytes(), true);
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + hall.presence()).then()
                .body("online", equalTo(true)));
        presence.crash();
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + hall.presence()).then()
                .body("online", equalTo(false)));
    }

    @Test
    void retainedStatusMessagesSetOnlineAndOffline() throws Exception {
        String statusTopic = Topics.status(hall.hall(), hall.sign());
        try (DeviceClient sign = device(hall.sign())) {
            sign.publish(statusTopic, "online".getBytes(), true);
            await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + hall.sign()).then()
                    .body("online", equalTo(true)));
            sign.publish(statusTopic, "offline".getBytes(), true);
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + hall.sign()).then()
                .body("online", equalTo(false)));
    }

    @Test
    void badMessagesAreRejectedCountedAndKeptWhileGoodOnesFlow() throws Exception {
        double before = rejected(RejectionReason.values());
        try (DeviceClient bin = device(hall.bin())) {
            String binTopic = topic(DeviceKind.BIN, hall.bin());
            String ts = now();
            List<Runnable> steps = List.of(
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":"),
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":\"x\"}"),
                    publish(bin, binTopic, "{\"fill\":10}"),
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":150}"),
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":1,\"pad\":\"" + "x".repeat(5000) + "\"}"),
                    publish(bin, binTopic, "{\"ts\":\"" + Instant.now().plusSeconds(3600) + "\",\"fill\":10}"),
                    publish(bin, topic(DeviceKind.PRESENCE, hall.bin()), "{\"ts\":\"" + ts + "\",\"occupied\":true}"),
                    publish(bin, Topics.reading("elsewhere", DeviceKind.BIN, hall.bin()), "{\"ts\":\"" + ts + "\",\"fill\":5}"),
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":20,\"seq\":5}"),
                    publish(bin, binTopic, "{\"ts\":\"" + ts + "\",\"fill\":20,\"seq\":5}"),
                    publish(bin, binTopic, "{\"ts\":\"" + Instant.parse(ts).minusSeconds(60) + "\",\"fill\":90,\"seq\":4}"));
            steps.forEach(Runnable::run);
            // A NUL byte cannot be stored in PostgreSQL text; the rejection must still be kept.
            bin.publish(binTopic, ("{\"ts\":\"" + ts + "\",\"fill\":\"\u0000\"}").getBytes(StandardCharsets.UTF_8), false);
            publishAsUnknownDevice(hall);
            bin.publish(binTopic, "{\"ts\":\"" + Instant.parse(ts).plusSeconds(1) + "\",\"fill\":33.5,\"seq\":6}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(33.5f)));
        try (DeviceClient bin = device(hall.bin())) {
            // The device restarted and counts from 1 again, with a newer ts: a new reading, not a stale one.
            bin.publish(topic(DeviceKind.BIN, hall.bin()),
                    "{\"ts\":\"" + Instant.now().plusSeconds(2) + "\",\"fill\":44,\"seq\":1}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(44.0f)));
        List<RejectionReason> expected = List.of(RejectionReason.MALFORMED_JSON, RejectionReason.WRONG_TYPE,
                RejectionReason.MISSING_FIELD, RejectionReason.INVALID_VALUE, RejectionReason.OVERSIZE,
                RejectionReason.TS_IN_FUTURE, RejectionReason.KIND_MISMATCH, RejectionReason.DUPLICATE_SEQ,
                RejectionReason.STALE_SEQ, RejectionReason.UNKNOWN_DEVICE);
        await().atMost(WAIT).untilAsserted(() -> {
            List<String> reasons = admin().get("/api/ingest/rejections?hall=" + hall.hall() + "&limit=1000")
                    .then().statusCode(200).extract().jsonPath().getList("reason");
            for (RejectionReason reason : expected) {
                assertTrue(reasons.contains(reason.name()), reason + " missing from " + reasons);
            }
        });
        // Filed under the device's own hall, whose ops look after it, not the hall its topic claims.
        admin().get("/api/ingest/rejections?hall=" + hall.hall() + "&reason=HALL_MISMATCH").then()
                .body("device", hasItem(hall.bin()));
        admin().get("/api/ingest/rejections?hall=elsewhere&reason=HALL_MISMATCH").then()
                .body("device", not(hasItem(hall.bin())));
        assertTrue(rejected(RejectionReason.values()) - before >= expected.size() + 1,
                "every rejection is counted in hallwatch_ingest_rejected_total");
    }

    @Test
    void messagesPublishedWhileTheServiceIsAwayArriveAfterItReturnsOnceEach() throws Exception {
        ingest.stop();
        Instant start = Instant.now().minusSeconds(60);
        try (DeviceClient presence = device(hall.presence())) {
            for (int seq = 1; seq <= 20; seq++) {
                presence.publish(topic(DeviceKind.PRESENCE, hall.presence()), "{\"ts\":\"" + start.plusSeconds(seq)
                        + "\",\"occupied\":" + (seq % 2 == 0) + ",\"seq\":" + seq + "}");
            }
        } finally {
            ingest.start();
        }
        List<Long> all = LongStream.rangeClosed(1, 20).boxed().toList();
        Supplier<List<Long>> handled = () -> recorder.seqsOf(hall.presence());
        await().atMost(WAIT).until(() -> handled.get().size() >= 20);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(all, handled.get()));
        admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("windows[0].presence.occupied", equalTo(true));
    }

    /**
     * Another client takes the service's client id, as a misconfigured second instance would: the
     * broker drops the service's connection (and, where the intruder asks for a clean session, its
     * subscriptions). The service reconnects, subscribes again, and readings flow as before.
     */
    @Test
    void theServiceReconnectsAndSubscribesAgainAfterLosingItsSession() throws Exception {
        int connections = ingest.connections();
        try (DeviceClient intruder = takeOver(serviceClientId, hall.bin())) {
            await().atMost(WAIT).until(() -> ingest.connections() > connections);
        }
        await().atMost(WAIT).until(ingest::isConnected);
        try (DeviceClient bin = device(hall.bin())) {
            bin.publish(topic(DeviceKind.BIN, hall.bin()), "{\"ts\":\"" + now() + "\",\"fill\":42}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(42.0f)));
    }

    private static Runnable publish(DeviceClient client, String topic, String payload) {
        return () -> {
            try {
                client.publish(topic, payload);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    private double rejected(RejectionReason... reasons) {
        double sum = 0;
        for (RejectionReason reason : reasons) {
            sum += registry.get("hallwatch.ingest.rejected").tag("reason", reason.name()).counter().count();
        }
        return sum;
    }
}
