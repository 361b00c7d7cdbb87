package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.assertStatus;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Zigbee2MqttPresenceProfileTest {

    private static final String TOPIC = "hallwatch/v1/hall-1/presence/desk-3";
    private final Router router = MapTesting.router(
            binding("zigbee2mqtt-presence", Kind.PRESENCE, "desk-3", "hall1/desk-3-pir", Map.of()));

    @Test
    void subscribesToTheStateAndAvailabilityTopicsOfTheFriendlyName() {
        assertEquals(List.of("zigbee2mqtt/hall1/desk-3-pir", "zigbee2mqtt/hall1/desk-3-pir/availability"),
                router.filters());
    }

    @Test
    void mapsPirOccupancyWithBatteryAndIsoLastSeen() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/aqara-rtcgq11lm-occupied.json"), RECEIVED);

        assertReading(result, TOPIC, "{\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":true,\"battery\":100}");
    }

    @Test
    void mapsMmWavePresenceWithEpochMillisecondLastSeenAndNoBattery() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/tuya-zy-m100-presence-epoch.json"), RECEIVED);

        assertReading(result, TOPIC, "{\"ts\":\"2025-11-23T09:02:11+08:00\",\"occupied\":false}");
    }

    @Test
    void usesTheReceiveTimeWhenLastSeenIsDisabled() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/philips-sml001-no-last-seen.json"), RECEIVED);

        assertReading(result, TOPIC, "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":false,\"battery\":97}");
    }

    @Test
    void leavesOutABatteryThatIsNullBeforeItsFirstReport() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/aqara-battery-null.json"), RECEIVED);

        assertReading(result, TOPIC, "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":true}");
    }

    @Test
    void mapsJsonAvailabilityToARetainedStatus() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir/availability",
                sample("zigbee2mqtt/availability-online.json"), RECEIVED);

        assertStatus(result, "hallwatch/v1/hall-1/status/desk-3", "online");
    }

    @Test
    void mapsLegacyPlainTextAvailabilityToARetainedStatus() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir/availability",
                sample("zigbee2mqtt/availability-legacy-offline.txt"), RECEIVED);

        assertStatus(result, "hallwatch/v1/hall-1/status/desk-3", "offline");
    }

    @Test
    void refusesAStateWithNeitherOccupancyNorPresence() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/occupancy-missing.json"), RECEIVED));

        assertEquals("device desk-3 (zigbee2mqtt-presence), topic zigbee2mqtt/hall1/desk-3-pir:"
                + " occupied is missing (looked at /occupancy, /presence)", reason);
    }

    @Test
    void refusesOccupancyThatIsNotABoolean() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/occupancy-wrong-type.json"), RECEIVED));

        assertTrue(reason.endsWith("occupied: /occupancy is \"yes\", not a boolean"), reason);
    }

    @Test
    void refusesABatteryOutsideZeroToHundredRatherThanForwardingHalfTheMessage() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir",
                sample("zigbee2mqtt/battery-out-of-range.json"), RECEIVED));

        assertTrue(reason.endsWith("battery: /battery is 140, not a number from 0 to 100"), reason);
    }

    @Test
    void refusesATruncatedStateSayingWhereTheJsonEnds() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir", sample("zigbee2mqtt/truncated.json"),
                RECEIVED));

        assertTrue(reason.contains("the payload is not valid JSON: "), reason);
        assertTrue(reason.contains("(line 1, column "), reason);
    }

    @Test
    void refusesAStateThatIsNotJson() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir", sample("zigbee2mqtt/not-json.txt"),
                RECEIVED));

        assertTrue(reason.contains("the payload is not valid JSON"), reason);
    }

    @Test
    void refusesAnOversizeStateWithItsSize() {
        byte[] big = new byte[VendorPayloads.MAX_BYTES + 1];
        Arrays.fill(big, (byte) ' ');

        String reason = refused(router.map("zigbee2mqtt/hall1/desk-3-pir", big, RECEIVED));

        assertTrue(reason.endsWith("the payload has 65537 bytes; the bridge reads vendor messages of at most 65536"),
                reason);
    }

    @Test
    void refusesTheTopicOfAnUnboundFriendlyName() {
        String reason = refused(router.map("zigbee2mqtt/hall1/desk-4-pir",
                sample("zigbee2mqtt/aqara-rtcgq11lm-occupied.json"), RECEIVED));

        assertEquals("no configured device uses topic zigbee2mqtt/hall1/desk-4-pir", reason);
    }

    @Test
    void ignoresAnEmptyPayloadThatClearsARetainedAvailability() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir/availability", new byte[0], RECEIVED);

        assertInstanceOf(MapResult.Ignored.class, result);
    }

    @Test
    void followsAnotherBaseTopic() {
        Router custom = MapTesting.router(binding("zigbee2mqtt-presence", Kind.PRESENCE, "desk-3", "desk-3-pir",
                Map.of("baseTopic", "z2m-hall1")));

        assertEquals(List.of("z2m-hall1/desk-3-pir", "z2m-hall1/desk-3-pir/availability"), custom.filters());
    }
}
