package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.mapped;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CalibrationTest {

    /** A bin 120 cm deep under the sensor, full when the waste is 20 cm from it. */
    private final Router router = MapTesting.router(binding("ultrasonic-json-bin", Kind.BIN, "bin-1", "bins/bin-1",
            Map.of("emptyDistance", 120, "fullDistance", 20)));

    private String fillAt(String distance) {
        String payload = mapped(router.map("bins/bin-1", utf8("{\"distance\":" + distance + "}"), RECEIVED)).text();
        return payload.replaceAll(".*\"fill\":([^,}]*).*", "$1");
    }

    @ParameterizedTest(name = "distance {0} cm gives fill {1}")
    @CsvSource({
        "120, 0.0",      // exactly empty
        "20, 100.0",     // exactly full
        "150, 0.0",      // farther than the bottom (a sloping bottom, a wide beam)
        "5, 100.0",      // closer than full: overflowing
        "70, 50.0",
        "43.2, 76.8",
        "119.96, 0.0",   // 0.04 % rounds to one decimal
        "119.95, 0.1",   // half up
        "\"43.2\", 76.8", // a number written as text
        "\"4.32e1\", 76.8" // with a small exponent
    })
    void turnsADistanceIntoFillClampedAndRoundedToOneDecimal(String distance, String fill) {
        assertEquals(fill, fillAt(distance));
    }

    @Test
    void keepsTheRawDistanceNextToTheFill() {
        String payload = mapped(router.map("bins/bin-1", utf8("{\"distance\":150}"), RECEIVED)).text();

        assertTrue(payload.endsWith("\"fill\":0.0,\"distance\":150}"), payload);
    }

    @ParameterizedTest(name = "distance {0} is refused: {1}")
    @CsvSource(delimiter = '|', value = {
        "0 | fill: distance /distance is 0: the sensor got no echo (ultrasonic sensors report 0 when nothing reflects)",
        "-4 | fill: distance /distance is -4, a negative distance",
        "\"NaN\" | fill: distance /distance is \"NaN\": the sensor got no echo",
        "\"far\" | fill: distance /distance is \"far\", not a number",
        "true | fill: distance /distance is true, not a number",
        "null | fill is missing (looked at /distance)"
    })
    void refusesADistanceThatIsNone(String distance, String reason) {
        String refusal = refused(router.map("bins/bin-1", utf8("{\"distance\":" + distance + "}"), RECEIVED));

        assertTrue(refusal.endsWith(reason), refusal);
    }

    @ParameterizedTest(name = "empty {0}, full {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "20 | 120 | emptyDistance (20) must be greater than fullDistance (120)",
        "80 | 80 | emptyDistance (80) must be greater than fullDistance (80)",
        "120 | -5 | option fullDistance must be a number >= 0, not -5",
        "-1 | 0 | option emptyDistance must be a number >= 0, not -1"
    })
    void refusesAnImpossibleCalibrationWhenTheRouterIsBuilt(int empty, int full, String problem) {
        Map<String, Object> options = Map.of("emptyDistance", empty, "fullDistance", full);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MapTesting.router(binding("tasmota-sr04-bin", Kind.BIN, "bin-1", "tasmota_BIN1", options)));

        assertTrue(error.getMessage().startsWith("device bin-1 (profile tasmota-sr04-bin): "), error.getMessage());
        assertTrue(error.getMessage().contains(problem), error.getMessage());
    }

    @Test
    void refusesAMissingCalibrationWhenTheRouterIsBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MapTesting.router(
                binding("esphome-distance-bin", Kind.BIN, "bin-1", "bin1", Map.of("fullDistance", 0.2))));

        assertEquals("device bin-1 (profile esphome-distance-bin): option emptyDistance is required: Distance from the"
                + " sensor to the bottom of the empty bin, in the sensor's unit (metres for ultrasonic).", error.getMessage());
    }

    @Test
    void refusesACalibrationThatIsNotANumber() {
        Map<String, Object> options = new HashMap<>(Map.of("emptyDistance", "120cm", "fullDistance", 20));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MapTesting.router(binding("tasmota-sr04-bin", Kind.BIN, "bin-1", "tasmota_BIN1", options)));

        assertTrue(error.getMessage().endsWith("option emptyDistance must be a number, not \"120cm\""), error.getMessage());
    }

    @Test
    void refusesANotANumberCalibration() {
        Map<String, Object> options = Map.of("emptyDistance", Double.NaN, "fullDistance", 20);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MapTesting.router(binding("tasmota-sr04-bin", Kind.BIN, "bin-1", "tasmota_BIN1", options)));

        assertTrue(error.getMessage().contains("option emptyDistance must be a number"), error.getMessage());
    }
}
