package io.hallwatch.bridge.bridge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.map.Router;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.support.Mosquitto;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bridge between a real Mosquitto's vendor topics and HallWatch's contract topics on the same
 * broker, with passwords and an ACL as a production broker has them: each device may write only its
 * own contract topics, so a message arrives only if the bridge published it as that device.
 */
class BridgeAgainstMosquittoTest {

    static final Duration WAIT = Duration.ofSeconds(10);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    Mosquitto mosquitto;
    BridgeRunner bridge;
    MqttAsyncClient vendor;
    MqttAsyncClient service;
    final List<Received> received = new CopyOnWriteArrayList<>();

    record Received(String topic, MqttMessage message) {
    }

    @BeforeEach
    void start() throws Exception {
        Path passwords = dir.resolve("passwords");
        for (String user : List.of("z2m", "bridge", "service", "demo-presence-1", "demo-bin-1")) {
            password(passwords, user, user + "-secret");
        }
        Files.writeString(dir.resolve("acl"), String.join("\n", "user z2m", "topic write zigbee2mqtt/#",
                "topic write application/#", "user bridge", "topic read zigbee2mqtt/#", "topic read application/#",
                "user service", "topic read hallwatch/#", "pattern write hallwatch/v1/+/+/%u", ""));
        mosquitto = Mosquitto.start("allow_anonymous false", "password_file " + passwords, "acl_file " + dir.resolve("acl"));
        Files.writeString(dir.resolve("devices.csv"), "id,mqttUsername,mqttPassword\n"
                + "demo-presence-1,demo-presence-1,demo-presence-1-secret\ndemo-bin-1,demo-bin-1,demo-bin-1-secret\n");
        vendor = new Broker(mosquitto.url(), "z2m", "z2m-secret").connect("vendor", WAIT);
        service = new Broker(mosquitto.url(), "service", "service-secret").connect("service", WAIT);
        service.subscribe("hallwatch/#", 1, (topic, message) -> received.add(new Received(topic, message))).waitForCompletion();
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.close();
        }
        for (MqttAsyncClient client : new MqttAsyncClient[] {vendor, service}) {
            if (client != null) {
                client.disconnect().waitForCompletion();
            }
        }
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    @Test
    void aZigbee2MqttOccupancyMessageArrivesOnTheContractTopicPublishedAsItsDevice() throws Exception {
        bridge = open(null);
        publish("zigbee2mqtt/desk-w01", "{\"battery\":87,\"linkquality\":120,\"occupancy\":true,\"voltage\":2995,"
                + "\"last_seen\":\"2026-11-23T09:02:11+08:00\"}", false);
        JsonNode payload = awaitJson("hallwatch/v1/demo/presence/demo-presence-1");
        assertEquals(true, payload.get("occupied").asBoolean());
        assertEquals(87, payload.get("battery").asInt());
        assertEquals("2026-11-23T01:02:11Z", java.time.Instant.parse(payload.get("ts").asText()).toString());
    }

    @Test
    void availabilityBecomesTheRetainedContractStatus() throws Exception {
        bridge = open(null);
        publish("zigbee2mqtt/desk-w01/availability", "{\"state\":\"offline\"}", true);
        MqttMessage status = awaitMessage("hallwatch/v1/demo/status/demo-presence-1");
        assertEquals("offline", new String(status.getPayload(), StandardCharsets.UTF_8));
        MqttAsyncClient later = new Broker(mosquitto.url(), "service", "service-secret").connect("later", WAIT);
        Map<String, String> kept = new ConcurrentHashMap<>();
        later.subscribe("hallwatch/v1/demo/status/+", 1, (topic, message) ->
                kept.put(topic, new String(message.getPayload(), StandardCharsets.UTF_8))).waitForCompletion();
        await().atMost(WAIT).until(() -> "offline".equals(kept.get("hallwatch/v1/demo/status/demo-presence-1")));
        later.disconnect().waitForCompletion();
    }

    @Test
    void aLoRaWanDistanceIsCalibratedIntoFillAndKeepsTheRawDistanceAndFrameCounter() throws Exception {
        bridge = open(null);
        publish("application/2b1a/device/a84041000181c0de/event/up", uplink(431, 600), false);
        JsonNode payload = awaitJson("hallwatch/v1/demo/bin/demo-bin-1");
        assertEquals(66.7, payload.get("fill").asDouble(), 0.05);
        assertEquals(600, payload.get("distance").asInt());
        assertEquals(431, payload.get("seq").asInt());
    }

    @Test
    void aMalformedVendorMessageIsRefusedAndNothingIsForwarded() throws Exception {
        bridge = open(null);
        publish("zigbee2mqtt/desk-w01", "{\"battery\":87,\"occupancy\":\"maybe\"}", false);
        publish("zigbee2mqtt/desk-w01", "{\"battery\":88,\"occupancy\":false}", false);
        JsonNode payload = awaitJson("hallwatch/v1/demo/presence/demo-presence-1");
        assertEquals(88, payload.get("battery").asInt());
        await().atMost(WAIT).until(() -> bridge.stats().received() == 2);
        assertEquals(1, bridge.stats().refused());
        assertEquals(1, received.size(), "the refused message was not forwarded, not even half-made: " + received);
    }

    @Test
    void messagesSentWhileTheBridgeIsDownArriveWhenItReturns() throws Exception {
        bridge = open(null);
        bridge.close();
        for (int seq = 1; seq <= 30; seq++) {
            publish("application/2b1a/device/a84041000181c0de/event/up", uplink(seq, 1000), false);
        }
        bridge = open(null);
        await().atMost(WAIT).until(() -> received.size() == 30);
        List<Integer> seqs = received.stream().map(r -> json(r.message()).get("seq").asInt()).toList();
        assertEquals(IntStream.rangeClosed(1, 30).boxed().toList(), seqs, "all of them, in order");
    }

    @Test
    void afterTheVendorBrokerRestartsTheBridgeSubscribesAgain() throws Exception {
        bridge = open(null);
        mosquitto.restart();
        drop(vendor);
        drop(service);
        vendor = new Broker(mosquitto.url(), "z2m", "z2m-secret").connect("vendor-2", WAIT);
        service = new Broker(mosquitto.url(), "service", "service-secret").connect("service-2", WAIT);
        service.subscribe("hallwatch/#", 1, (topic, message) -> received.add(new Received(topic, message))).waitForCompletion();
        // Until the bridge is back and subscribed, what the vendor sends is not for it: send until it arrives.
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            publish("zigbee2mqtt/desk-w01", "{\"occupancy\":true}", false);
            return !received.isEmpty();
        });
    }

    @Test
    void aDryRunPrintsTheContractMessagesInsteadOfPublishing() throws Exception {
        StringWriter printed = new StringWriter();
        bridge = open(new PrintWriter(printed));
        publish("zigbee2mqtt/desk-w01", "{\"occupancy\":false}", false);
        await().atMost(WAIT).until(() -> printed.toString().contains("hallwatch/v1/demo/presence/demo-presence-1 "));
        assertTrue(printed.toString().contains("\"occupied\":false"), printed.toString());
        publish("zigbee2mqtt/desk-w01", "{\"occupancy\":true}", false);
        await().atMost(WAIT).until(() -> printed.toString().contains("\"occupied\":true"));
        assertTrue(received.isEmpty(), "a dry run publishes nothing, while the vendor's messages went through it: " + received);
    }

    private BridgeRunner open(PrintWriter dryRun) throws Exception {
        Path config = dir.resolve("bridge.yaml");
        Files.writeString(config, String.join("\n",
                "source:", "  url: " + mosquitto.url(), "  username: bridge", "  password: ${BRIDGE_TEST_PASSWORD:-bridge-secret}",
                "  clientId: bridge-test", "target:", "  url: " + mosquitto.url(), "  identity: device",
                "  credentials: devices.csv", "timezone: Asia/Shanghai", "devices:",
                "  - {device: demo-presence-1, hall: demo, kind: presence, profile: zigbee2mqtt-presence, source: desk-w01}",
                "  - device: demo-bin-1", "    hall: demo", "    kind: bin", "    profile: chirpstack-v4",
                "    source: a84041000181c0de", "    options: {emptyDistance: 1200, fullDistance: 300}", ""));
        BridgeConfig settings = BridgeConfig.read(config);
        return BridgeCommand.open(settings, new Router(settings.profiles(), settings.devices()), dryRun);
    }

    private static void drop(MqttAsyncClient client) throws Exception {
        client.disconnectForcibly(0, 1000);
        client.close(true);
    }

    private void publish(String topic, String payload, boolean retained) throws Exception {
        vendor.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, retained).waitForCompletion();
    }

    /** A ChirpStack v4 uplink as its MQTT integration writes it (decoded numbers are floats). */
    private static String uplink(int frameCounter, double distance) {
        return "{\"deduplicationId\":\"3c0b\",\"time\":\"2026-11-23T02:15:00.123Z\",\"deviceInfo\":{\"tenantName\":"
                + "\"town\",\"devEui\":\"a84041000181c0de\"},\"fCnt\":" + frameCounter + ",\"fPort\":2,\"data\":\"AAAA\","
                + "\"object\":{\"distance\":" + distance + ",\"battery\":93.0}}";
    }

    private MqttMessage awaitMessage(String topic) {
        return await().atMost(WAIT).until(() -> received.stream().filter(r -> r.topic().equals(topic))
                .map(Received::message).reduce((a, b) -> b).orElse(null), m -> m != null);
    }

    private JsonNode awaitJson(String topic) {
        return json(awaitMessage(topic));
    }

    private static JsonNode json(MqttMessage message) {
        try {
            return JSON.readTree(message.getPayload());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void password(Path file, String user, String secret) throws Exception {
        List<String> command = Files.exists(file) ? List.of("mosquitto_passwd", "-b", file.toString(), user, secret)
                : List.of("mosquitto_passwd", "-c", "-b", file.toString(), user, secret);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "mosquitto_passwd: " + output);
    }
}
