package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One absurd number in one message must neither stall nor crash the bridge for every other device. */
class VendorNumbersTest {

    private static final String LIMIT = "a number the bridge does not read: written as text, a number has at most 32"
            + " characters and an exponent from -20 to 20";
    private static final Duration AT_ONCE = Duration.ofSeconds(2);

    private final Router router = MapTesting.router(
            binding("ultrasonic-json-bin", Kind.BIN, "bin-1", "bins/bin-1", Map.of("emptyDistance", 120, "fullDistance", 20)),
            binding("generic-json", Kind.PRESENCE, "desk-1", "desks/desk-1", Map.of("occupied", "/o",
                    "ts", Map.of("from", "/t", "format", "epoch-s"))));

    @ParameterizedTest(name = "{1} on {0}")
    @CsvSource(delimiter = '|', value = {
        "bins/bin-1   | {\"distance\":\"1e-99999999\"}                | fill: /distance is \"1e-99999999\",",
        "bins/bin-1   | {\"distance\":\"1e99999999999\"}              | fill: /distance is \"1e99999999999\",",
        "bins/bin-1   | {\"distance\":40,\"battery\":\"1e99999999999\"} | battery: /battery is \"1e99999999999\",",
        "bins/bin-1   | {\"distance\":40,\"seq\":\"1e-99999999\"}       | seq: /seq is \"1e-99999999\",",
        "bins/bin-1   | {\"distance\":\"43.200000000000000000000000000000001\"} | fill: /distance is \"43.200000000000000000000000000000001\",",
        "desks/desk-1 | {\"o\":true,\"t\":\"1e-99999999\"}              | ts: /t is \"1e-99999999\","
    })
    void refusesANumberInTextThatIsTooLongOrHasAHugeExponentAtOnce(String topic, String payload, String field) {
        MapResult result = assertTimeoutPreemptively(AT_ONCE, () -> router.map(topic, utf8(payload), RECEIVED));

        String reason = refused(result);
        assertTrue(reason.endsWith(field + " " + LIMIT), reason);
    }

    @Test
    void mapsTheNextMessageAsUsualAfterAnAbsurdOne() {
        refused(router.map("bins/bin-1", utf8("{\"distance\":\"1e99999999999\"}"), RECEIVED));

        assertEquals("{\"ts\":\"" + MapTesting.RECEIVED_TS + "\",\"fill\":80.0,\"distance\":40}",
                MapTesting.mapped(router.map("bins/bin-1", utf8("{\"distance\":40}"), RECEIVED)).text());
    }

    @Test
    void refusesAMessageTheMappingFailsOnNamingTheDeviceInsteadOfThrowing() {
        DeviceBinding desk = binding("esphome-presence", Kind.PRESENCE, "desk-5", "node5", Map.of());
        Mapping broken = message -> {
            throw new IllegalStateException("a bug");
        };
        TopicBinding topic = new TopicBinding(desk, 0, TopicPattern.compile("{source}/state", "node5"), PayloadFormat.TEXT,
                List.of(), broken);

        MapResult result = topic.map("node5/state", Map.of(), utf8("ON"), RECEIVED, false);

        assertEquals("device desk-5 (esphome-presence), topic node5/state: the bridge failed on this message"
                + " (java.lang.IllegalStateException: a bug); please report it with the payload", refused(result));
    }
}
