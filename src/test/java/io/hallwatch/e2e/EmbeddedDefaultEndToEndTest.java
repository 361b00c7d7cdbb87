package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.junit.jupiter.api.Test;

/** The flow on the embedded default: embedded Moquette broker and H2 file database. */
@QuarkusTest
class EmbeddedDefaultEndToEndTest extends HallFlowScenario {

    @Inject
    EmbeddedBroker broker;

    String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    @Override
    DeviceClient device(String id) throws Exception {
        return DeviceClient.connect(url(), id, hall.password(id));
    }

    /** With broker authentication on, only a device revoked while connected can still publish. */
    @Override
    void publishAsUnknownDevice(TestHall hall) throws Exception {
        try (DeviceClient badge = device(hall.badge())) {
            admin().delete("/api/devices/" + hall.badge()).then().statusCode(204);
            badge.publish(Topics.reading(hall.hall(), DeviceKind.BADGE, hall.badge()),
                    "{\"ts\":\"" + now() + "\",\"card\":\"X1\",\"action\":\"in\"}");
        }
    }

    @Test
    void brokerRefusesWrongPasswordsAndRevokedDevices() throws Exception {
        assertThrows(MqttSecurityException.class, () -> DeviceClient.connect(url(), hall.bin(), "wrong"));
        assertThrows(MqttSecurityException.class, () -> DeviceClient.connect(url(), "nobody", "x"));
        admin().delete("/api/devices/" + hall.bin()).then().statusCode(204);
        assertThrows(MqttSecurityException.class, () -> DeviceClient.connect(url(), hall.bin(), hall.password(hall.bin())));
    }

    @Test
    void aDeviceCannotPublishUnderAnotherDevicesId() throws Exception {
        try (DeviceClient bin = device(hall.bin())) {
            bin.publishAtMostOnce(Topics.reading(hall.hall(), DeviceKind.PRESENCE, hall.presence()),
                    "{\"ts\":\"" + now() + "\",\"occupied\":true}");
            bin.publish(Topics.reading(hall.hall(), DeviceKind.BIN, hall.bin()), "{\"ts\":\"" + now() + "\",\"fill\":12}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("bins[0].fill", equalTo(12.0f)));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                admin().get("/api/halls/" + hall.hall() + "/status").then()
                        .body("windows[0].presence.occupied", nullValue()));
    }
}
