package io.hallwatch.bridge.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.Main;
import io.hallwatch.bridge.map.Router;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What ops see when they write a bridge file: the shipped examples check out, mistakes name their setting. */
class BridgeConfigTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"zigbee2mqtt.yaml", "chirpstack.yaml", "tts.yaml", "mixed.yaml"})
    void theShippedExamplesCheckOut(String example) throws Exception {
        BridgeConfig config = BridgeConfig.parse(new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                Environment.expand("test", Files.readString(Path.of("examples", example)),
                        name -> "secret-from-" + name)), Path.of("examples"));
        Router router = new Router(config.profiles(), config.devices());
        assertTrue(router.filters().size() >= 1);
    }

    @Test
    void checkPrintsTheSubscriptionsAndExitsZero() throws Exception {
        Path file = write("source: {url: 'tcp://127.0.0.1:1883'}\ntarget: {url: 'tcp://127.0.0.1:1883', identity: shared,"
                + " username: b, password: p}\ndevices:\n  - {device: d1, hall: h1, kind: presence,"
                + " profile: zigbee2mqtt-presence, source: desk-1}\n");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.run("bridge", "--config", file.toString(), "--check"));
        } finally {
            System.setOut(saved);
        }
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("zigbee2mqtt/desk-1"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void mistakesAreRefusedNamingTheSetting() {
        assertProblem("target: {url: 'tcp://x:1883'}\ndevices: []\n", "source.url is required");
        assertProblem("source: {url: 'http://x'}\ntarget: {url: 'tcp://x:1883'}\n", "source.url");
        assertProblem("source: {url: 'tcp://x:1883'}\ntarget: {url: 'tcp://x:1883', identity: anyone}\n", "target.identity");
        assertProblem("source: {url: 'tcp://x:1883'}\ntarget: {url: 'tcp://x:1883', identity: shared}\n", "target.username");
        assertProblem("source: {url: 'tcp://x:1883'}\ntarget: {url: 'tcp://x:1883', credentials: c.csv}\ndevices: []\n",
                "devices: list at least one device");
        assertProblem("source: {url: 'tcp://x:1883'}\ntarget: {url: 'tcp://x:1883', credentials: c.csv}\n"
                + "devices:\n  - {device: d1, hall: h1, kind: lamp, profile: generic-json, source: s}\n", "devices[0]: unknown device kind 'lamp'");
        assertProblem("source: {url: 'tcp://x:1883', password: '${HALLWATCH_TEST_SURELY_UNSET}'}\n"
                + "target: {url: 'tcp://x:1883'}\n", "source.password: the environment variable HALLWATCH_TEST_SURELY_UNSET is not set");
    }

    @Test
    void environmentVariablesFillPasswordsWithDefaults() {
        Map<String, String> env = Map.of("PW", "s3cret");
        assertEquals("s3cret", Environment.expand("x", "${PW}", env::get));
        assertEquals("fallback", Environment.expand("x", "${NOPE:-fallback}", env::get));
        assertEquals("a-s3cret-b", Environment.expand("x", "a-${PW}-b", env::get));
    }

    private void assertProblem(String yaml, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BridgeConfig.read(write(yaml)));
        assertTrue(e.getMessage().contains(expected), "expected '" + expected + "' in: " + e.getMessage());
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("bridge.yaml"), yaml);
    }
}
