package io.hallwatch.e2e;

import static io.hallwatch.support.Api.admin;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.ingest.EmbeddedBroker;
import io.hallwatch.rules.RuleTicker;
import io.hallwatch.support.Api;
import io.hallwatch.support.TestClock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The firmware bridge's simulator playing its small-hall scenario against the real service: the
 * packaged jar creates the hall through the REST API, logs its devices in to the embedded broker
 * with the credentials it was given, and plays the day; this test steps the service's clock and
 * rule ticker through the day with it (the simulator's external clock), then checks that the hall
 * has exactly the work orders the scenario file says it should.
 */
@QuarkusTest
class SimulatorEndToEndTest {

    static final Path SCENARIO = Path.of("firmware-bridge", "src", "main", "resources", "scenarios", "small-hall.yaml");
    static final Pattern EXPECT = Pattern.compile("- \\{type: (\\w+), (window|sign|presence|bin): (\\d+)}");
    static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    TestClock clock;
    @Inject
    RuleTicker ticker;
    @Inject
    MeterRegistry registry;
    @Inject
    EmbeddedBroker broker;
    @TestHTTPResource("/")
    URL api;
    @TempDir
    Path dir;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theSmallHallScenarioOpensExactlyTheOrdersItsFileExpects() throws Exception {
        String hall = "sim" + Api.unique();
        Path password = Files.writeString(dir.resolve("password"), Api.ADMIN_PASSWORD);
        Process simulator = BridgeJar.start(dir.resolve("simulate.log"), Map.of(), "simulate", "--scenario", "small-hall",
                "--hall", hall, "--seed", "7", "--day", DayReplay.nextRegularMonday().toString(), "--clock", "external", "--verify",
                "--api", api.toString(), "--password-file", password.toString(),
                "--broker", "tcp://127.0.0.1:" + broker.port(), "--credentials", dir.resolve("devices.csv").toString());
        List<String> report = step(simulator);
        assertTrue(simulator.waitFor(1, TimeUnit.MINUTES), "the simulator ends after the day");
        assertEquals(0, simulator.exitValue(), "the simulator's own check failed: " + report + "\n"
                + Files.readString(dir.resolve("simulate.log")));
        assertEquals(expected(hall), actual(hall));
        assertTrue(Files.readString(dir.resolve("devices.csv")).contains(hall + "-presence-1,"),
                "the created devices' credentials are kept for flashing");
    }

    /** Answers each {@code at} of the simulator once the service has the instant's messages and has ticked. */
    private List<String> step(Process simulator) throws IOException {
        List<String> rest = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(simulator.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter in = new PrintWriter(simulator.getOutputStream(), true, StandardCharsets.UTF_8);
        double accepted = accepted();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (!line.startsWith("at ")) {
                rest.add(line);
                continue;
            }
            String[] words = line.split(" ");
            Instant at = Instant.parse(words[1]);
            clock.set(at);
            in.println("go");
            String sent = out.readLine();
            assertEquals("sent " + words[2], sent, "every message of " + at + " is acknowledged by the broker");
            double target = accepted + Integer.parseInt(words[2]);
            await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(2)).atMost(WAIT)
                    .until(() -> accepted() >= target);
            accepted = target;
            ticker.tick(at);
        }
        return rest;
    }

    private double accepted() {
        return registry.find("hallwatch.ingest.accepted").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** The scenario file's expectations, with positions turned into the ids the simulator gave the hall. */
    private static Map<String, String> expected(String hall) throws IOException {
        Map<String, String> orders = new TreeMap<>();
        Matcher matcher = EXPECT.matcher(Files.readString(SCENARIO));
        while (matcher.find()) {
            String n = matcher.group(3);
            String subject = switch (matcher.group(2)) {
                case "window" -> "W0" + n;
                case "sign" -> hall + "-sign-" + n;
                case "presence" -> hall + "-presence-" + n;
                default -> hall + "-bin-" + n;
            };
            // A dead sensor stays dead; every other incident of the day ends, and its order with it.
            orders.put(matcher.group(1) + " " + subject, matcher.group(1).equals("SENSOR_OFFLINE") ? "OPEN" : "AUTO_RESOLVED");
        }
        assertEquals(5, orders.size(), "the small-hall scenario expects five orders");
        return orders;
    }

    private static Map<String, String> actual(String hall) {
        List<Map<String, Object>> orders = admin().get("/api/work-orders?hall=" + hall + "&limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("$");
        Map<String, String> found = new TreeMap<>();
        orders.forEach(o -> found.merge(o.get("type") + " " + o.get("subject"), (String) o.get("status"), (a, b) -> a + "," + b));
        return found;
    }
}
