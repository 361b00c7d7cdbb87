package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.assertStatus;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EsphomeProfilesTest {

    private final Router router = MapTesting.router(
            binding("esphome-presence", Kind.PRESENCE, "desk-5", "hall1-desk5", Map.of("object", "desk_presence")),
            binding("esphome-distance-bin", Kind.BIN, "bin-2", "hall1-bin2",
                    Map.of("emptyDistance", 1.2, "fullDistance", 0.2)));

    @Test
    void subscribesToTheConfiguredObjectsAndEachNodesStatus() {
        assertEquals(List.of("hall1-desk5/binary_sensor/desk_presence/state", "hall1-desk5/status",
                "hall1-bin2/sensor/distance/state", "hall1-bin2/status"), router.filters());
    }

    @Test
    void mapsBinarySensorOnAndOffToOccupiedAtTheReceiveTime() {
        assertReading(router.map("hall1-desk5/binary_sensor/desk_presence/state", sample("esphome/binary-sensor-on.txt"),
                RECEIVED), "hallwatch/v1/hall-1/presence/desk-5", "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":true}");
        assertReading(router.map("hall1-desk5/binary_sensor/desk_presence/state",
                sample("esphome/binary-sensor-off.txt"), RECEIVED), "hallwatch/v1/hall-1/presence/desk-5",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":false}");
    }

    @Test
    void mapsTheNodeStatusOfEitherDevice() {
        assertStatus(router.map("hall1-desk5/status", sample("esphome/status-online.txt"), RECEIVED),
                "hallwatch/v1/hall-1/status/desk-5", "online");
        assertStatus(router.map("hall1-bin2/status", sample("esphome/status-offline.txt"), RECEIVED),
                "hallwatch/v1/hall-1/status/bin-2", "offline");
    }

    @Test
    void calibratesAnUltrasonicDistanceInMetresIntoFillAndKeepsTheDistance() {
        MapResult result = router.map("hall1-bin2/sensor/distance/state", sample("esphome/ultrasonic-distance.txt"),
                RECEIVED);

        assertReading(result, "hallwatch/v1/hall-1/bin/bin-2",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"fill\":77.0,\"distance\":0.43}");
    }

    @Test
    void refusesNanFromAnUltrasonicSensorThatGotNoEcho() {
        String reason = refused(router.map("hall1-bin2/sensor/distance/state", sample("esphome/ultrasonic-nan.txt"),
                RECEIVED));

        assertTrue(reason.endsWith("fill: distance the payload is \"nan\": the sensor got no echo"), reason);
    }

    @Test
    void refusesABinarySensorStateThatIsNeitherOnNorOff() {
        String reason = refused(router.map("hall1-desk5/binary_sensor/desk_presence/state",
                sample("esphome/binary-sensor-neither-on-nor-off.txt"), RECEIVED));

        assertTrue(reason.endsWith("occupied: the payload is \"unknown\", not a boolean (the profile maps OFF, ON)"),
                reason);
    }

    @Test
    void refusesAPayloadThatIsNotUtf8() {
        String reason = refused(router.map("hall1-desk5/binary_sensor/desk_presence/state",
                sample("esphome/binary-sensor-utf16.bin"), RECEIVED));

        assertTrue(reason.endsWith("the payload is not UTF-8 text"), reason);
    }

    @Test
    void usesThePresenceObjectWhenNoneIsConfigured() {
        Router defaults = MapTesting.router(binding("esphome-presence", Kind.PRESENCE, "desk-6", "hall1-desk6", Map.of()));

        assertEquals(List.of("hall1-desk6/binary_sensor/presence/state", "hall1-desk6/status"), defaults.filters());
    }
}
