package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.ingest.ServiceLogin;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** The flow on the embedded default: embedded Moquette broker and H2 file database. */
@QuarkusTest
class EmbeddedDefaultEndToEndTest extends HallFlowScenario {

    @Inject
    EmbeddedBroker broker;
    @Inject
    BrokerAccess access;

    String url() {
        return "tcp://127.0.0.1:" + broker.port();
    }

    @Override
    DeviceClient device(String id) throws Exception {
        return DeviceClient.connect(url(), id, hall.password(id));
    }

    @Override
    DeviceClient deviceWithWill(String id) throws Exception {
        return DeviceClient.connectWithWill(url(), id, hall.password(id), Topics.status(hall.hall(), id));
    }

    /**
     * Only the service's own login may use its client id here. The takeover keeps the session: after a
     * clean-session takeover, Moquette 0.17 no longer queues for the service's later persistent session
     * (docs/versions.md). Re-subscription after a lost session is covered against Mosquitto.
     */
    @Override
    DeviceClient takeOver(String clientId, String device) throws Exception {
        return DeviceClient.connectKeepingSession(url(), clientId, ServiceLogin.username(),
                ServiceLogin.password(access));
    }

    @Test
    void aDeviceCannotTakeTheServicesClientId() {
        assertThrows(MqttSecurityException.class,
                () -> DeviceClient.connect(url(), serviceClientId, hall.bin(), hall.password(hall.bin())));
        org.junit.jupiter.api.Assertions.assertTrue(ingest.isConnected());
    }

    /**
     * With broker authentication on, a device cannot publish under an id not its own, and a revoked
     * device loses its connection: only the service's own login can publish for an unknown id.
     */
    @Override
    void publishAsUnknownDevice(TestHall hall) throws Exception {
        try (DeviceClient service = DeviceClient.connect(url(), "unknown-" + hall.hall(), ServiceLogin.username(),
                ServiceLogin.password(access))) {
            service.publish(Topics.reading(hall.hall(), DeviceKind.BADGE, "never-provisioned-" + hall.hall()),
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

    /** A burst larger than Moquette's default session queue, as a hall's devices send after a power cut. */
    @Test
    void theEmbeddedBrokerPassesOnABurstWithoutLosingAMessage() throws Exception {
        int count = 2_000;
        MqttAsyncClient client = new MqttAsyncClient(url(), "burst-" + hall.presence(), new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(hall.presence());
        options.setPassword(hall.password(hall.presence()).toCharArray());
        options.setMaxInflight(count);
        client.connect(options).waitForCompletion(10_000);
        Instant start = Instant.now().minusSeconds(count + 60L);
        List<IMqttDeliveryToken> tokens = new ArrayList<>();
        for (int seq = 1; seq <= count; seq++) {
            MqttMessage message = new MqttMessage(("{\"ts\":\"" + start.plusSeconds(seq) + "\",\"occupied\":true,\"seq\":"
                    + seq + "}").getBytes(StandardCharsets.UTF_8));
            message.setQos(1);
            tokens.add(client.publish(Topics.reading(hall.hall(), DeviceKind.PRESENCE, hall.presence()), message));
        }
        for (IMqttDeliveryToken token : tokens) {
            token.waitForCompletion(30_000);
        }
        client.disconnect().waitForCompletion(5_000);
        client.close();
        await().atMost(Duration.ofSeconds(60)).until(() -> recorder.seqsOf(hall.presence()).size() >= count);
        assertEquals(LongStream.rangeClosed(1, count).boxed().toList(), recorder.seqsOf(hall.presence()));
    }
}
