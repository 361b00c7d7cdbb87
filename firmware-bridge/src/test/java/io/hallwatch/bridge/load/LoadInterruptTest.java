package io.hallwatch.bridge.load;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.support.Mosquitto;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping a real {@code load} process (as systemd or a benchmark script does, with SIGTERM; Ctrl-C
 * takes the same path, but a process started in the background ignores SIGINT): it stops early and
 * still prints and writes its report.
 */
@Timeout(60)
class LoadInterruptTest {

    @TempDir
    Path dir;

    @Test
    void aSignalStopsTheRunEarlyAndStillReports() throws Exception {
        Path json = dir.resolve("report.json");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        try (Mosquitto broker = Mosquitto.start()) {
            Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.hallwatch.bridge.Main", "load", "--broker",
                    broker.url(), "--devices", "50", "--rate", "500", "--duration", "60s", "--json", json.toString())
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            try {
                await().atMost(Duration.ofSeconds(20)).until(() -> Files.readString(err).contains("measuring"));
                load.destroy();

                assertTrue(load.waitFor(20, TimeUnit.SECONDS), "load ends after SIGTERM");
            } finally {
                load.destroyForcibly();
            }
        }
        assertTrue(Files.readString(out).contains("stopped early: Ctrl-C or SIGTERM"), Files.readString(out) + Files.readString(err));
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertTrue(report.get("interrupted").asBoolean());
        assertTrue(report.get("measuredSeconds").asDouble() < 30, report.toString());
        assertTrue(report.get("acked").asLong() > 0, report.toString());
    }
}
