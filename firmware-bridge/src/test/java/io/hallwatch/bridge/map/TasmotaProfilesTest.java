package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.assertStatus;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TasmotaProfilesTest {

    private final Router router = MapTesting.router(
            MapTesting.binding("tasmota-switch-presence", Kind.PRESENCE, "desk-7", "tasmota_8A3F21", Map.of()),
            MapTesting.binding("tasmota-sr04-bin", Kind.BIN, "bin-4", "tasmota_BIN4",
                    Map.of("emptyDistance", 120, "fullDistance", 20)));

    @Test
    void subscribesToTelemetryAndLastWillOfEachDevice() {
        assertEquals(List.of("tele/tasmota_8A3F21/SENSOR", "tele/tasmota_8A3F21/LWT", "tele/tasmota_BIN4/SENSOR",
                "tele/tasmota_BIN4/LWT"), router.filters());
    }

    @Test
    void mapsTheSwitchWithItsLocalTimeReadInTheHallsZone() {
        assertReading(router.map("tele/tasmota_8A3F21/SENSOR", sample("tasmota/sensor-switch1-on.json"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-7", "{\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":true}");
        assertReading(router.map("tele/tasmota_8A3F21/SENSOR", sample("tasmota/sensor-switch1-off.json"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-7", "{\"ts\":\"2026-11-23T09:07:11+08:00\",\"occupied\":false}");
    }

    @Test
    void readsTheSameLocalTimeInAnotherZoneAsAnotherInstant() {
        Router berlin = new Router(Profiles.shipped(), List.of(new DeviceBinding("tasmota-switch-presence", "hall-2",
                "desk-8", Kind.PRESENCE, "tasmota_8A3F21", Map.of(), ZoneId.of("Europe/Berlin"))));

        assertReading(berlin.map("tele/tasmota_8A3F21/SENSOR", sample("tasmota/sensor-switch1-on.json"), RECEIVED),
                "hallwatch/v1/hall-2/presence/desk-8", "{\"ts\":\"2026-11-23T09:02:11+01:00\",\"occupied\":true}");
    }

    @Test
    void calibratesTheSr04DistanceInCentimetres() {
        MapResult result = router.map("tele/tasmota_BIN4/SENSOR", sample("tasmota/sensor-sr04.json"), RECEIVED);

        assertReading(result, "hallwatch/v1/hall-1/bin/bin-4",
                "{\"ts\":\"2026-11-23T10:15:00+08:00\",\"fill\":76.8,\"distance\":43.2}");
    }

    @Test
    void refusesAZeroDistanceAsNoEcho() {
        String reason = refused(router.map("tele/tasmota_BIN4/SENSOR", sample("tasmota/sensor-sr04-no-echo.json"),
                RECEIVED));

        assertTrue(reason.endsWith("fill: distance /SR04/Distance is 0.0: the sensor got no echo"
                + " (ultrasonic sensors report 0 when nothing reflects)"), reason);
    }

    @Test
    void stampsTelemetryFromADeviceWhoseClockWasNeverSetWithTheReceiveTime() {
        MapResult result = router.map("tele/tasmota_BIN4/SENSOR", sample("tasmota/sensor-sr04-clock-not-set.json"),
                RECEIVED);

        assertReading(result, "hallwatch/v1/hall-1/bin/bin-4",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"fill\":76.8,\"distance\":43.2}");
    }

    @Test
    void mapsTheLastWillsOnlineAndOfflineToStatus() {
        assertStatus(router.map("tele/tasmota_8A3F21/LWT", sample("tasmota/lwt-online.txt"), RECEIVED),
                "hallwatch/v1/hall-1/status/desk-7", "online");
        assertStatus(router.map("tele/tasmota_BIN4/LWT", sample("tasmota/lwt-offline.txt"), RECEIVED),
                "hallwatch/v1/hall-1/status/bin-4", "offline");
    }

    @Test
    void refusesTelemetryWithoutTheConfiguredSwitch() {
        Router second = MapTesting.router(MapTesting.binding("tasmota-switch-presence", Kind.PRESENCE, "desk-7",
                "tasmota_8A3F21", Map.of("switch", "Switch2")));

        String reason = refused(second.map("tele/tasmota_8A3F21/SENSOR", sample("tasmota/sensor-switch1-on.json"),
                RECEIVED));

        assertTrue(reason.endsWith("occupied is missing (looked at /Switch2)"), reason);
    }
}
