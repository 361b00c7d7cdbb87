package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.Topics;
import io.hallwatch.support.Api;
import io.hallwatch.support.Api.TestHall;
import io.hallwatch.support.DeviceClient;
import io.hallwatch.support.ExternalServices;
import io.hallwatch.support.MqttSessions;
import io.restassured.RestAssured;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The packaged service as operators run it, against PostgreSQL and Mosquitto: stopped with SIGTERM,
 * readings published while it is down, started again. Every reading arrives, none twice, and the rules
 * pick up where they were: the window is still vacant since the same instant, its order not opened twice.
 */
@ExtendWith(ExternalServices.class)
class ServiceRestartIT {

    private static final Duration START = Duration.ofSeconds(90);

    private final String clientId = "hallwatch-it-restart";
    private final Path dir = Path.of(System.getProperty("hallwatch.it-dir", "target/it-data"), UUID.randomUUID().toString());
    private Process service;
    private int port;

    @AfterEach
    void stopService() throws Exception {
        stop();
    }

    @Test
    void readingsPublishedWhileTheServiceIsDownArriveOnceEachAfterItRestarts() throws Exception {
        MqttSessions.wipe(ExternalServices.mqttUrl(), clientId);
        start(1);
        TestHall hall = Api.provisionHall();
        admin().body(Map.of("name", "重启大厅", "timezone", "Asia/Shanghai", "openingHours", Map.of("alwaysOpen", true),
                "rules", Map.of("offPostGraceSeconds", 60))).put("/api/halls/" + hall.hall()).then().statusCode(200);
        String topic = Topics.reading(hall.hall(), DeviceKind.PRESENCE, hall.presence());
        Instant base = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(120);
        try (DeviceClient presence = DeviceClient.connect(ExternalServices.mqttUrl(), hall.presence(), "x")) {
            presence.publish(topic, reading(base, 1));
            await().atMost(START).until(() -> accepted() == 1);
            await().atMost(START).until(() -> offPostOrders(hall).size() == 1);
            stop();
            for (int seq = 2; seq <= 21; seq++) {
                presence.publish(topic, reading(base, seq));
            }
        }
        start(2);
        await().atMost(START).until(() -> accepted() >= 20);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> accepted() == 20);
        // Of this hall: a shared broker may hold other runs' retained statuses, which this service rejects.
        admin().get("/api/ingest/rejections?hall=" + hall.hall()).then().statusCode(200)
                .body("size()", equalTo(0));
        admin().get("/api/halls/" + hall.hall() + "/status").then()
                .body("windows[0].presence.occupied", equalTo(false))
                .body("windows[0].presence.at", equalTo(base.plusSeconds(21).toString()))
                .body("windows[0].state", equalTo("vacant"))
                .body("windows[0].vacantSince", equalTo(base.plusSeconds(1).toString()));
        List<Map<String, Object>> orders = offPostOrders(hall);
        assertEquals(1, orders.size(), "the open order is not opened again after the restart");
        assertEquals("OPEN", orders.get(0).get("status"));
        assertEquals(base.plusSeconds(61).toString(), orders.get(0).get("openedAt"));
    }

    private static List<Map<String, Object>> offPostOrders(TestHall hall) {
        return admin().get("/api/work-orders?type=OFF_POST&hall=" + hall.hall()).then().statusCode(200)
                .extract().jsonPath().getList("$");
    }

    private static String reading(Instant base, int seq) {
        return "{\"ts\":\"" + base.plusSeconds(seq) + "\",\"occupied\":" + (seq % 2 == 0) + ",\"seq\":" + seq + "}";
    }

    private double accepted() {
        return metric("hallwatch_ingest_accepted_total{kind=\"presence\"}");
    }

    private double metric(String series) {
        String text = RestAssured.given().get("/q/metrics").then().statusCode(200).extract().asString();
        return text.lines().filter(line -> line.startsWith(series + " "))
                .mapToDouble(line -> Double.parseDouble(line.substring(series.length() + 1)))
                .findFirst().orElse(0);
    }

    private void start(int run) throws Exception {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
        }
        Files.createDirectories(dir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("hallwatch.jar", "target/quarkus-app/quarkus-run.jar"));
        builder.environment().putAll(Map.of(
                "QUARKUS_HTTP_PORT", String.valueOf(port),
                "HALLWATCH_ADMIN_PASSWORD", Api.ADMIN_PASSWORD,
                "HALLWATCH_DATA_DIR", dir.toString(),
                "QUARKUS_DATASOURCE_JDBC_URL", ExternalServices.PG_URL,
                "QUARKUS_DATASOURCE_USERNAME", ExternalServices.PG_USER,
                "HALLWATCH_MQTT_URL", ExternalServices.mqttUrl(),
                "HALLWATCH_MQTT_CLIENT_ID", clientId,
                "HALLWATCH_RULES_TICK_INTERVAL", "1s",
                "HALLWATCH_RULES_TICK_DELAY", "3s"));
        File log = dir.resolve("service-" + run + ".log").toFile();
        service = builder.redirectErrorStream(true).redirectOutput(log).start();
        RestAssured.port = port;
        await().atMost(START).pollInterval(Duration.ofMillis(200)).until(() -> ready(log));
    }

    private boolean ready(File log) {
        if (!service.isAlive()) {
            throw new IllegalStateException("the service exited with " + service.exitValue() + "; see " + log);
        }
        try {
            return RestAssured.given().get("/q/health/ready").statusCode() == 200;
        } catch (Exception notListeningYet) {
            return false;
        }
    }

    private void stop() throws Exception {
        if (service != null && service.isAlive()) {
            service.destroy();
            if (!service.waitFor(30, TimeUnit.SECONDS)) {
                service.destroyForcibly();
            }
        }
        service = null;
    }
}
