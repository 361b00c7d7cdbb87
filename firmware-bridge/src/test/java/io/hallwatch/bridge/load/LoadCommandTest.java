package io.hallwatch.bridge.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.support.Mosquitto;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code load} against a real Mosquitto, watched by a subscriber on the same broker. */
@Timeout(60)
class LoadCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every field the JSON report documents (docs/bridge-load-and-provision.md). */
    private static final List<String> REPORT_FIELDS = List.of("broker", "qos", "devices", "halls", "connections",
            "maxInflight", "startedAt", "endedAt", "warmupSeconds", "durationSeconds", "measuredSeconds", "offeredRate",
            "sentRate", "achievedRate", "reachedTarget", "scheduled", "sent", "acked", "measuredSent", "measuredAcked",
            "missed", "errorTotal", "errors", "lastOtherError", "disconnects", "latencyMs", "interrupted");

    private static Mosquitto broker;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() throws IOException {
        // Unlimited queues: a stock Mosquitto drops QoS 1 messages beyond 1000 queued for a subscriber.
        broker = Mosquitto.start("max_queued_messages 0");
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void publishesValidReadingsAtTheTargetRateAndEveryAcknowledgedOneReachesASubscriber() throws Exception {
        try (Subscriber subscriber = Subscriber.of(broker.url(), "hallwatch/v1/#")) {
            Path file = dir.resolve("report.json");
            Cli run = Cli.run("load", "--broker", broker.url(), "--devices", "200", "--rate", "2000", "--duration", "2s",
                    "--connections", "2", "--halls", "10", "--prefix", "rate", "--json", file.toString());

            assertEquals(0, run.exitCode(), run.err());
            JsonNode report = JSON.readTree(file.toFile());
            long acked = report.get("acked").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.count() >= acked);
            List<Subscriber.Received> received = subscriber.messages();

            assertEquals(acked, received.size(), "every acknowledged message, once");
            assertEquals(report.get("sent").asLong(), acked);
            assertEquals(0, report.get("errorTotal").asLong(), run.out());
            // Rates depend on the machine: the report must agree with itself, not reach a speed.
            double achieved = report.get("achievedRate").asDouble();
            assertEquals(report.get("measuredAcked").asDouble() / report.get("measuredSeconds").asDouble(), achieved, 1.0);
            assertEquals(achieved >= 0.95 * 2000, report.get("reachedTarget").asBoolean(), run.out());
            assertTrue(run.out().contains(report.get("reachedTarget").asBoolean() ? "reached the target rate" : "BELOW TARGET"),
                    run.out());
            assertTrue(run.err().contains("load:"), "progress on stderr: " + run.err());
            assertAllKeepTheContract(received);
            assertEquals(200, received.stream().map(r -> ContractPayloads.device(r.topic())).distinct().count());
        }
    }

    @Test
    void theJsonReportHasEveryDocumentedField() throws Exception {
        Cli run = Cli.run("load", "--broker", broker.url(), "--devices", "20", "--rate", "200", "--duration", "500ms",
                "--warmup", "200ms", "--connections", "2", "--halls", "2", "--prefix", "fields", "--json", "-");

        assertEquals(0, run.exitCode(), run.err());
        JsonNode report = JSON.readTree(run.out());
        for (String field : REPORT_FIELDS) {
            assertTrue(report.has(field), "the report lacks " + field + ": " + run.out());
        }
        assertEquals(Set.of("connectionLost", "maxInflight", "notConnected", "timeout", "other"), names(report.get("errors")));
        assertEquals(Set.of("count", "p50", "p90", "p99", "max"), names(report.get("latencyMs")));
        assertEquals(0.2, report.get("warmupSeconds").asDouble());
        assertTrue(report.get("measuredAcked").asLong() < report.get("acked").asLong(), "warm-up is not measured");
        assertTrue(run.err().contains("reached the target rate") || run.err().contains("BELOW TARGET"),
                "with --json - the text goes to stderr: " + run.err());
    }

    @Test
    void publishesAsTheDevicesOfACsvFile() throws Exception {
        Path devices = dir.resolve("provisioned.csv");
        Files.writeString(devices, "id,hall,kind,topic,mqttPassword\n"
                + "csv-door,csv-hall,presence,x,secret\ncsv-sign,csv-hall,signage,x,secret\ncsv-bin,csv-hall2,bin,x,secret\n");
        try (Subscriber subscriber = Subscriber.of(broker.url(), "hallwatch/v1/+/+/+")) {
            Cli run = Cli.run("load", "--broker", broker.url(), "--devices-csv", devices.toString(), "--rate", "300",
                    "--duration", "500ms", "--connections", "2", "--json", "-");

            assertEquals(0, run.exitCode(), run.err());
            long acked = JSON.readTree(run.out()).get("acked").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> subscriber.count() >= acked);
            Set<String> topics = subscriber.messages().stream().map(Subscriber.Received::topic).collect(Collectors.toSet());
            assertEquals(Set.of("hallwatch/v1/csv-hall/presence/csv-door", "hallwatch/v1/csv-hall/signage/csv-sign",
                    "hallwatch/v1/csv-hall2/bin/csv-bin"), topics);
            assertAllKeepTheContract(subscriber.messages());
        }
    }

    @Test
    void publishesAsEveryDeviceOfAFileUnlessToldHowMany() throws Exception {
        Path devices = dir.resolve("many.csv");
        StringBuilder csv = new StringBuilder("id,hall,kind\n");
        for (int i = 1; i <= 1200; i++) {
            csv.append("many-").append(i).append(",many-hall,bin\n");
        }
        Files.writeString(devices, csv);

        Cli all = Cli.run("load", "--broker", broker.url(), "--devices-csv", devices.toString(), "--rate", "100",
                "--duration", "200ms", "--json", "-");
        Cli some = Cli.run("load", "--broker", broker.url(), "--devices-csv", devices.toString(), "--devices", "7",
                "--rate", "100", "--duration", "200ms", "--json", "-");

        assertEquals(1200, JSON.readTree(all.out()).get("devices").asInt(), all.err());
        assertEquals(7, JSON.readTree(some.out()).get("devices").asInt(), some.err());
    }

    @Test
    void reportsBelowTargetWhenTheBrokerCannotKeepUpAndStillEnds() {
        // One message in flight at a time cannot carry 100,000 a second, even on loopback.
        Cli run = Cli.run("load", "--broker", broker.url(), "--devices", "10", "--rate", "100000", "--duration", "1s",
                "--connections", "1", "--max-inflight", "1", "--prefix", "slow");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("BELOW TARGET"), run.out());
        assertTrue(run.out().contains("maxInflight"), "the errors say why: " + run.out());
    }

    @Test
    void countsMessagesABrokerThatHangsNeverAcknowledgesAsTimedOutInsteadOfWaitingForever() throws Exception {
        try (Mosquitto hanging = Mosquitto.start()) {
            CompletableFuture<Cli> run = CompletableFuture.supplyAsync(() -> Cli.run("load", "--broker", hanging.url(),
                    "--devices", "10", "--rate", "1000", "--warmup", "2s", "--duration", "1s", "--connections", "1",
                    "--max-inflight", "50", "--ack-timeout", "300ms", "--json", "-"));
            await().atMost(Duration.ofSeconds(10)).until(() -> hanging.log().contains("New client connected"));
            hanging.freeze();
            Cli done = run.get(30, TimeUnit.SECONDS);

            JsonNode report = JSON.readTree(done.out());
            assertTrue(report.at("/errors/timeout").asLong() > 0, done.out());
            assertTrue(report.at("/errors/maxInflight").asLong() > 0, "it kept to its in-flight window: " + done.out());
            assertTrue(report.get("acked").asLong() < report.get("sent").asLong(), done.out());
        }
    }

    @Test
    void failsWithExitCodeOneAndAClearMessageWhenTheBrokerIsUnreachable() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Cli run = Cli.run("load", "--broker", "tcp://127.0.0.1:" + port, "--devices", "10", "--duration", "1s");

        assertEquals(1, run.exitCode());
        assertTrue(run.err().contains("cannot connect to tcp://127.0.0.1:" + port), run.err());
        assertFalse(run.out().contains("latency"), "no report for a run that never started: " + run.out());
    }

    private static void assertAllKeepTheContract(List<Subscriber.Received> received) {
        long now = System.currentTimeMillis();
        Map<String, Long> lastSeq = new HashMap<>();
        Map<String, String> topicOf = new HashMap<>();
        for (Subscriber.Received message : received) {
            assertEquals(List.of(), ContractPayloads.problems(message.topic(), message.payload(), now),
                    message.topic() + " " + new String(message.payload()));
            String device = ContractPayloads.device(message.topic());
            assertEquals(topicOf.computeIfAbsent(device, d -> message.topic()), message.topic(), "a device keeps its hall and kind");
            long seq = readSeq(message.payload());
            Long previous = lastSeq.put(device, seq);
            assertTrue(previous == null || seq > previous, device + ": seq " + seq + " after " + previous);
        }
    }

    private static long readSeq(byte[] payload) {
        try {
            return JSON.readTree(payload).get("seq").asLong();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<String> names(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
