package io.hallwatch.broker;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Device identities at a real Mosquitto with dynamic security, started by the test: the service
 * connects over TLS, creates its own client, and provisions, rotates and revokes device clients
 * through {@code $CONTROL/dynamic-security/v1}; the broker then holds each device to its own topics.
 */
@QuarkusTest
@TestProfile(MosquittoDynSecProfile.class)
@ExtendWith(MosquittoAvailable.class)
class MosquittoDynSecTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    MqttIngest ingest;
    @Inject
    DynSecClient brokerAdmin;
    @Inject
    DynSecResync resync;
    @Inject
    MeterRegistry registry;

    Mosquitto mosquitto;
    TestHall hall;

    @BeforeEach
    void provision() {
        mosquitto = MosquittoDynSecProfile.Resource.current();
        await().atMost(WAIT).until(ingest::isConnected);
        hall = Api.provisionHall();
    }

    MqttProbe device(String id, String password) throws MqttException {
        return MqttProbe.connect(mosquitto.url(), id, password);
    }

    String topic(DeviceKind kind, String id) {
        return Topics.reading(hall.hall(), kind, id);
    }

    static String fill(double fill) {
        return "{\"ts\":\"" + Instant.now() + "\",\"fill\":" + fill + "}";
    }

    void awaitFill(double fill) {
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo((float) fill)));
    }

    @Test
    void theServiceConnectsOverTlsWithTheClientItMadeItself() {
        assertTrue(ingest.brokerUrl().startsWith("ssl://"), ingest.brokerUrl());
        admin().get("/api/broker/sync").then().statusCode(200).body("enabled", equalTo(true))
                .body("connected", equalTo(true));
        admin().get("/api/devices/" + hall.bin()).then().body("brokerSync", equalTo("IN_SYNC"));
    }

    @Test
    void aProvisionedDevicePublishesToItsTopicOverTcpAndTls() throws Exception {
        try (MqttProbe bin = device(hall.bin(), hall.password(hall.bin()))) {
            bin.publish(topic(DeviceKind.BIN, hall.bin()), fill(31));
        }
        awaitFill(31);
        try (MqttProbe bin = MqttProbe.connect(mosquitto.tlsUrl(), hall.bin() + "-tls", hall.bin(),
                hall.password(hall.bin()), mosquitto.tls())) {
            bin.publish(topic(DeviceKind.BIN, hall.bin()), fill(32));
        }
        awaitFill(32);
    }

    @Test
    void aDeviceCannotPublishForAnotherDeviceOrHallNorSubscribe() throws Exception {
        try (MqttProbe observer = MqttProbe.connect(mosquitto.url(), "observer-" + hall.hall(),
                MosquittoDynSecProfile.SERVICE_USER, MosquittoDynSecProfile.SERVICE_PASSWORD, null);
                MqttProbe bin = device(hall.bin(), hall.password(hall.bin()))) {
            assertTrue(observer.subscribe(Topics.ROOT + "/#"));
            assertFalse(bin.subscribe("#"), "a device subscribes to nothing");
            assertFalse(bin.subscribe(topic(DeviceKind.BIN, hall.bin())), "not even its own topic");
            bin.publish(topic(DeviceKind.PRESENCE, hall.presence()), "{\"ts\":\"" + Instant.now() + "\",\"occupied\":true}");
            bin.publish(Topics.status(hall.hall(), hall.presence()), "offline");
            bin.publish(Topics.reading("elsewhere", DeviceKind.BIN, hall.bin()), fill(5));
            bin.publish(topic(DeviceKind.PRESENCE, hall.bin()), "{\"ts\":\"" + Instant.now() + "\",\"occupied\":true}");
            bin.publish(Topics.alerts(hall.hall(), "cleaning"), "{}");
            bin.publish("$CONTROL/dynamic-security/v1", "{\"commands\":[{\"command\":\"deleteClient\",\"username\":\"admin\"}]}");
            bin.publish(topic(DeviceKind.BIN, hall.bin()), fill(12));
            await().atMost(WAIT).until(() -> observer.received().contains(topic(DeviceKind.BIN, hall.bin())));
            assertEquals(List.of(topic(DeviceKind.BIN, hall.bin())), observer.received(),
                    "only the device's own topic reaches anyone");
        }
        awaitFill(12);
        admin().get("/api/halls/" + hall.hall() + "/status").then().body("windows[0].presence.occupied", equalTo(null));
    }

    @Test
    void aRevokedDeviceIsRefusedAtOnceAndLosesItsConnection() throws Exception {
        MqttProbe bin = device(hall.bin(), hall.password(hall.bin()));
        admin().delete("/api/devices/" + hall.bin()).then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !bin.isConnected());
        bin.close();
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), hall.password(hall.bin())));
        assertEquals("Client not found", brokerAdmin.run(List.of(
                DynSecCommands.getClient(hall.bin()).tolerating("not found"))).get(0).error());
    }

    @Test
    void aRotatedDevicesOldPasswordIsRefusedAndTheNewOneWorks() throws Exception {
        String old = hall.password(hall.bin());
        MqttProbe before = device(hall.bin(), old);
        String fresh = admin().post("/api/devices/" + hall.bin() + "/rotate").then().statusCode(200)
                .body("brokerSync", equalTo("IN_SYNC")).extract().path("mqttPassword");
        await().atMost(Duration.ofSeconds(5)).until(() -> !before.isConnected());
        before.close();
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), old));
        try (MqttProbe after = device(hall.bin(), fresh)) {
            after.publish(topic(DeviceKind.BIN, hall.bin()), fill(41));
        }
        awaitFill(41);
    }

    @Test
    void anonymousClientsAreRefused() {
        assertThrows(MqttSecurityException.class, () -> MqttProbe.connect(mosquitto.url(), null, null));
        assertThrows(MqttSecurityException.class, () -> MqttProbe.connect(mosquitto.tlsUrl(), "anon-tls", null, null,
                mosquitto.tls()));
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), "not-its-password"));
    }

    @Test
    void aDeviceProvisionedWhileTheBrokerIsDownIsKeptAndTakenWhenItReturns() throws Exception {
        double failures = registry.get("hallwatch.broker.sync.failures").counter().count();
        mosquitto.close();
        await().atMost(WAIT).until(() -> !brokerAdmin.isReady());
        String id = "late-" + hall.hall();
        String password = admin().body(Map.of("id", id, "hall", hall.hall(), "kind", "bin", "zone", "west"))
                .post("/api/devices").then().statusCode(201).body("brokerSync", equalTo("PENDING"))
                .extract().path("mqttPassword");
        admin().get("/api/broker/sync").then().body("pending.device", hasItem(id))
                .body("pending.find { it.device == '" + id + "' }.lastError", containsString("not connected"));
        assertTrue(registry.get("hallwatch.broker.sync.failures").counter().count() > failures);
        mosquitto.restart();
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + id).then()
                .body("brokerSync", equalTo("IN_SYNC")));
        device(id, password).close();
    }

    @Test
    void aDeviceTheBrokerLostIsReportedUntilItsCredentialsAreRotated() throws Exception {
        brokerAdmin.run(DynSecCommands.revoke(hall.sign()));
        resync.run();
        admin().get("/api/broker/sync").then().body("needsRotation.device", hasItem(hall.sign()));
        admin().get("/api/devices/" + hall.sign()).then().body("brokerSync", equalTo("NEEDS_ROTATION"));
        String fresh = admin().post("/api/devices/" + hall.sign() + "/rotate").then().statusCode(200)
                .extract().path("mqttPassword");
        admin().get("/api/devices/" + hall.sign()).then().body("brokerSync", equalTo("IN_SYNC"));
        device(hall.sign(), fresh).close();
    }

    @Test
    void aResyncDisablesAStalePasswordAndDeletesClientsOfRevokedDevices() throws Exception {
        brokerAdmin.run(List.of(DynSecCommand.of("modifyClient", "username", hall.presence(),
                "textdescription", DynSecCommands.DEVICE_MARK + "0000000000000000")));
        String ghost = "ghost-" + hall.hall();
        brokerAdmin.run(DynSecCommands.provision(ghost, hall.hall(), DeviceKind.BIN, "ghost-password", "1234"));
        resync.run();
        assertThrows(MqttSecurityException.class, () -> device(hall.presence(), hall.password(hall.presence())));
        admin().get("/api/devices/" + hall.presence()).then().body("brokerSync", equalTo("NEEDS_ROTATION"));
        assertEquals("Client not found", brokerAdmin.run(List.of(
                DynSecCommands.getClient(ghost).tolerating("not found"))).get(0).error());
        assertNotNull(brokerAdmin.run(List.of(DynSecCommands.getClient(hall.bin()))).get(0).data(),
                "devices in step are left alone");
    }

    /** A client someone else made at the broker, as an administrator would for a crew handheld. */
    void createForeignClient(String username, String password) {
        brokerAdmin.run(List.of(DynSecCommand.of("createClient", "username", username, "password", password,
                "textname", "crew handheld", "textdescription", "made with mosquitto_ctrl")));
    }

    void assertForeignClientIntact(String username, String password) throws Exception {
        JsonNode client = brokerAdmin.findClient(username);
        assertNotNull(client, "the foreign client is still there");
        assertEquals("made with mosquitto_ctrl", client.path("textdescription").asText());
        device(username, password).close();
    }

    @Test
    void provisioningRefusesTheNameOfAClientHallWatchDidNotMakeAndChangesNothing() throws Exception {
        String id = "crew-" + hall.hall();
        createForeignClient(id, "crew-password");
        admin().body(Map.of("id", id, "hall", hall.hall(), "kind", "bin", "zone", "west"))
                .post("/api/devices").then().statusCode(409)
                .body("detail", containsString("HallWatch did not make"));
        admin().get("/api/devices/" + id).then().statusCode(404);
        assertForeignClientIntact(id, "crew-password");
    }

    @Test
    void rotationAndRevocationLeaveAForeignClientOfTheDevicesNameAlone() throws Exception {
        String id = hall.bin();
        brokerAdmin.run(DynSecCommands.revoke(id));
        createForeignClient(id, "crew-password");
        admin().post("/api/devices/" + id + "/rotate").then().statusCode(409)
                .body("detail", containsString("HallWatch did not make"));
        admin().delete("/api/devices/" + id).then().statusCode(204);
        admin().get("/api/devices/" + id).then().body("brokerSync", equalTo("IN_SYNC"));
        assertForeignClientIntact(id, "crew-password");
    }
}
