package io.hallwatch.ingest;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.broker.MqttProbe;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Device identities on the embedded broker, where the service itself is the authenticator and
 * authoriser: nobody anonymous, each device only under its own id, and revocation and rotation
 * holding at once, live connections included.
 */
@QuarkusTest
class EmbeddedBrokerIdentityTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    EmbeddedBroker broker;
    @Inject
    BrokerAccess access;
    @Inject
    MqttIngest ingest;
    @Inject
    MeterRegistry registry;

    TestHall hall;

    @BeforeEach
    void provision() {
        await().atMost(WAIT).until(ingest::isConnected);
        hall = Api.provisionHall();
    }

    String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    MqttProbe device(String id, String password) throws MqttException {
        return MqttProbe.connect(url(), id, password);
    }

    String binTopic() {
        return Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin());
    }

    String fill(double fill) {
        return "{\"ts\":\"" + Instant.now() + "\",\"fill\":" + fill + "}";
    }

    /** Moquette itself refuses a login without credentials, before it asks the service: those are not counted. */
    @Test
    void anonymousClientsAreRefusedAndWrongPasswordsCounted() {
        double before = events(SecurityEvent.LOGIN_REFUSED);
        assertThrows(MqttSecurityException.class, () -> device(null, null));
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), null));
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), "not-its-password"));
        assertThrows(MqttSecurityException.class, () -> device("nobody-" + hall.hall(), "x"));
        assertEquals(before + 2, events(SecurityEvent.LOGIN_REFUSED));
    }

    @Test
    void aDevicePublishesUnderItsOwnIdOnlyAndReadsNothing() throws Exception {
        double before = events(SecurityEvent.PUBLISH_REFUSED);
        try (MqttProbe observer = MqttProbe.connect(url(), "observer-" + hall.hall(), ServiceLogin.username(),
                ServiceLogin.password(access), null);
                MqttProbe bin = device(hall.bin(), hall.password(hall.bin()))) {
            assertTrue(observer.subscribe(Topics.ROOT + "/" + hall.hall() + "/#"));
            assertFalse(bin.subscribe("#"), "a device subscribes to nothing");
            assertFalse(bin.subscribe(binTopic()), "not even its own topic");
            String presenceTopic = Topics.reading(hall.hall(), DeviceKind.PRESENCE, hall.presence());
            bin.publishAtMostOnce(presenceTopic, "{\"ts\":\"" + Instant.now() + "\",\"occupied\":true}");
            bin.publishAtMostOnce(Topics.alerts(hall.hall(), hall.bin()), "{}");
            bin.publish(binTopic(), fill(12));
            await().atMost(WAIT).until(() -> observer.received().contains(binTopic()));
            assertEquals(List.of(binTopic()), observer.received(), "what the device may not publish never arrives");
        }
        assertEquals(before + 2, events(SecurityEvent.PUBLISH_REFUSED));
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(12.0f)));
    }

    @Test
    void revocationCutsTheLiveConnectionAndRefusesTheNextLogin() throws Exception {
        MqttProbe bin = device(hall.bin(), hall.password(hall.bin()));
        admin().delete("/api/devices/" + hall.bin()).then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !bin.isConnected());
        bin.close();
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), hall.password(hall.bin())));
    }

    @Test
    void rotationRefusesTheOldPasswordAtOnceAndTheNewOneWorks() throws Exception {
        String old = hall.password(hall.bin());
        MqttProbe before = device(hall.bin(), old);
        String fresh = admin().post("/api/devices/" + hall.bin() + "/rotate").then().statusCode(200)
                .body("mqttUsername", equalTo(hall.bin())).extract().path("mqttPassword");
        assertNotEquals(old, fresh);
        await().atMost(Duration.ofSeconds(5)).until(() -> !before.isConnected());
        before.close();
        assertThrows(MqttSecurityException.class, () -> device(hall.bin(), old));
        try (MqttProbe after = device(hall.bin(), fresh)) {
            after.publish(binTopic(), fill(21));
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(21.0f)));
    }

    @Test
    void aPersonListensToTheirTeamsAlertsAndPublishesNothing() throws Exception {
        String person = Api.createUser("cleaning", hall.hall());
        try (MqttProbe phone = MqttProbe.connect(url(), person, Api.PERSON_PASSWORD)) {
            assertTrue(phone.subscribe(Topics.alerts(hall.hall(), "cleaning")));
            assertFalse(phone.subscribe(Topics.alerts(hall.hall(), "ops")), "not another team's alerts");
            assertFalse(phone.subscribe(Topics.alerts("elsewhere", "cleaning")), "not another hall's");
            assertFalse(phone.subscribe("#"));
        }
    }

    @Test
    void aPersonsLiveConnectionEndsWhenTheirRolesChangeOrTheyAreRemoved() throws Exception {
        String person = Api.createUser("cleaning", hall.hall());
        MqttProbe phone = MqttProbe.connect(url(), person, Api.PERSON_PASSWORD);
        assertTrue(phone.subscribe(Topics.alerts(hall.hall(), "cleaning")));
        admin().body(Map.of("name", "李师傅", "roles", List.of("ops"), "halls", List.of(hall.hall())))
                .put("/api/users/" + person).then().statusCode(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> !phone.isConnected());
        phone.close();
        MqttProbe again = MqttProbe.connect(url(), person, Api.PERSON_PASSWORD);
        assertFalse(again.subscribe(Topics.alerts(hall.hall(), "cleaning")), "no longer on the cleaning team");
        admin().delete("/api/users/" + person).then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !again.isConnected());
        again.close();
    }

    @Test
    void aPasswordResetEndsThePersonsLiveConnection() throws Exception {
        String person = Api.createUser("cleaning", hall.hall());
        MqttProbe phone = MqttProbe.connect(url(), person, Api.PERSON_PASSWORD);
        admin().body(Map.of("password", "Fresh-start-2026")).post("/api/users/" + person + "/password")
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(5)).until(() -> !phone.isConnected());
        phone.close();
    }

    private double events(SecurityEvent reason) {
        return registry.get("hallwatch.security.events").tag("reason", reason.name()).counter().count();
    }
}
