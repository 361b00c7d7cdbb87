package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.hallwatch.ingest.BrokerAccess;
import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.ingest.ServiceLogin;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What ops do with the bridge: point the packaged jar at the broker a Zigbee2MQTT network and a
 * LoRaWAN server publish to (here the embedded broker, read as the service), with a YAML file, and
 * see the devices in HallWatch: the desk sensor's battery and presence, the bin's calibrated fill
 * and the work order it opens.
 */
@QuarkusTest
class BridgeEndToEndTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    EmbeddedBroker broker;
    @Inject
    BrokerAccess access;
    @TempDir
    Path dir;
    Process bridge;

    @AfterEach
    void stopBridge() throws Exception {
        if (bridge != null) {
            bridge.destroy();
            if (!bridge.waitFor(30, TimeUnit.SECONDS)) {
                bridge.destroyForcibly();
            }
        }
    }

    @Test
    void vendorMessagesThroughTheBridgeShowTheDevicesAndOpenOrders() throws Exception {
        TestHall hall = Api.provisionHall();
        String url = "tcp://127.0.0.1:" + broker.port();
        Files.writeString(dir.resolve("devices.csv"), "id,mqttUsername,mqttPassword\n"
                + hall.presence() + "," + hall.presence() + "," + hall.password(hall.presence()) + "\n"
                + hall.bin() + "," + hall.bin() + "," + hall.password(hall.bin()) + "\n");
        Path config = Files.writeString(dir.resolve("bridge.yaml"), String.join("\n",
                "source: {url: '" + url + "', username: " + ServiceLogin.username() + ", password: '${VENDOR_PASSWORD}',"
                        + " clientId: bridge-" + hall.hall() + "}",
                "target: {url: '" + url + "', identity: device, credentials: devices.csv}",
                "timezone: Asia/Shanghai",
                "devices:",
                "  - {device: " + hall.presence() + ", hall: " + hall.hall() + ", kind: presence, profile: zigbee2mqtt-presence,"
                        + " source: desk-" + hall.hall() + "}",
                "  - {device: " + hall.bin() + ", hall: " + hall.hall() + ", kind: bin, profile: chirpstack-v4,"
                        + " source: a84041000181c0de, options: {emptyDistance: 1200, fullDistance: 300}}", ""));
        Path log = dir.resolve("bridge.log");
        bridge = BridgeJar.start(log, Map.of("VENDOR_PASSWORD", ServiceLogin.password(access)),
                "bridge", "--config", config.toString());
        await().atMost(WAIT).until(() -> Files.exists(log) && Files.readString(log).contains("bridging 2 devices"));

        try (DeviceClient vendor = DeviceClient.connect(url, ServiceLogin.username(), ServiceLogin.password(access))) {
            vendor.publish("zigbee2mqtt/desk-" + hall.hall(), "{\"battery\":77,\"linkquality\":96,\"occupancy\":true}");
            vendor.publish("application/9f2c/device/a84041000181c0de/event/up", "{\"deduplicationId\":\"5e1d\",\"time\":\""
                    + Instant.now() + "\",\"deviceInfo\":{\"devEui\":\"a84041000181c0de\"},\"fCnt\":12,\"fPort\":2,"
                    + "\"object\":{\"distance\":390,\"battery\":91}}");
        }
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/devices/" + hall.presence()).then().statusCode(200)
                .body("battery", equalTo(77.0f)).body("lastSeen", notNullValue()));
        await().atMost(WAIT).untilAsserted(() -> admin().get("/api/work-orders?hall=" + hall.hall() + "&type=BIN_FULL")
                .then().statusCode(200).body("size()", equalTo(1)).body("[0].subject", equalTo(hall.bin()))
                .body("[0].details.fill", equalTo(90.0f)));
    }
}
