package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.support.Api;
import io.hallwatch.support.DeviceClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ops provisioning a hall's devices in bulk with the packaged bridge's {@code provision} command
 * against the real service: the credentials file it writes lets each device log in to the broker and
 * publish; rows the service refuses are reported with their line and reason, and the exit code says so.
 */
@QuarkusTest
class ProvisionEndToEndTest {

    @Inject
    EmbeddedBroker broker;
    @TestHTTPResource("/")
    URL api;
    @TempDir
    Path dir;

    @Test
    void provisionedDevicesCanPublishAndRefusedRowsAreReported() throws Exception {
        String hall = "h" + Api.unique();
        admin().body(Map.of("id", hall, "name", "批量大厅 " + hall, "timezone", "Asia/Shanghai",
                "openingHours", Map.of("alwaysOpen", true))).post("/api/halls").then().statusCode(201);
        Path csv = Files.writeString(dir.resolve("devices.csv"), String.join("\n",
                "# east side", "id,hall,kind,zone", hall + "-bin-1," + hall + ",bin,东侧 east",
                hall + "-bin-2," + hall + ",bin,西侧 west", "nobody-bin," + hall + "-missing,bin,x", ""));
        Path out = dir.resolve("credentials.csv");
        Path password = Files.writeString(dir.resolve("password"), Api.ADMIN_PASSWORD);
        BridgeJar.Finished provision = BridgeJar.run(dir, "provision", Map.of(), "provision", "--csv", csv.toString(),
                "--api", api.toString(), "--password-file", password.toString(), "--out", out.toString(),
                "--report", dir.resolve("report.json").toString());
        String printed = provision.out();
        assertEquals(1, provision.exitCode(), "a refused row makes the run fail: " + printed);
        assertTrue(printed.contains("nobody-bin") && printed.contains("5"), "the refused row is named with its line: " + printed);

        List<String> lines = Files.readAllLines(out);
        assertEquals(3, lines.size(), "a header and the two created devices: " + lines);
        String[] bin = lines.stream().filter(l -> l.startsWith(hall + "-bin-1,")).findFirst().orElseThrow().split(",");
        try (DeviceClient device = DeviceClient.connect("tcp://127.0.0.1:" + broker.port(), bin[5], bin[6])) {
            device.publish(bin[3], "{\"ts\":\"" + Instant.now() + "\",\"fill\":12.5}");
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> admin().get("/api/devices/" + hall + "-bin-1")
                .then().statusCode(200).body("lastSeen", org.hamcrest.Matchers.notNullValue()));
        admin().get("/api/devices?hall=" + hall).then().statusCode(200).body("size()", equalTo(2));
    }

    @Test
    void thePasswordFileGoesBeforeTheEnvironmentAndARefusedLoginStopsTheRun() throws Exception {
        Path csv = Files.writeString(dir.resolve("one.csv"), "id,hall,kind,zone\nx" + Api.unique() + ",nohall,bin,x\n");
        Path right = Files.writeString(dir.resolve("right"), Api.ADMIN_PASSWORD);
        BridgeJar.Finished refused = BridgeJar.run(dir, "refused", Map.of("HALLWATCH_PASSWORD", "wrong-password"),
                "provision", "--csv", csv.toString(), "--api", api.toString(), "--out", dir.resolve("a.csv").toString());
        String said = refused.out();
        assertEquals(1, refused.exitCode());
        assertTrue(said.contains("the service refused the credentials of user 'admin' (HTTP 401"), said);

        BridgeJar.Finished fromFile = BridgeJar.run(dir, "file", Map.of("HALLWATCH_PASSWORD", "wrong-password"),
                "provision", "--csv", csv.toString(), "--api", api.toString(), "--password-file", right.toString(),
                "--out", dir.resolve("b.csv").toString());
        String report = fromFile.out();
        assertEquals(1, fromFile.exitCode(), "logged in, and the row for a hall that does not exist fails: " + report);
        assertTrue(report.contains("nohall"), report);
    }
}
