package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.assertStatus;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.ignored;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hallwatch.bridge.contract.Kind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The copy a broker replays on every (re)subscribe: ESPHome retains its states by default and
 * Zigbee2MQTT can be told to. Stamped with the receive time it would make a dead sensor look alive.
 */
class RetainedMessagesTest {

    private static final boolean RETAINED = true;
    private static final String ESPHOME_STATE = "hall1-desk5/binary_sensor/presence/state";
    private final Router router = MapTesting.router(
            binding("esphome-presence", Kind.PRESENCE, "desk-5", "hall1-desk5", Map.of()),
            binding("zigbee2mqtt-presence", Kind.PRESENCE, "desk-3", "hall1/desk-3-pir", Map.of()),
            binding("tasmota-sr04-bin", Kind.BIN, "bin-4", "tasmota_BIN4", Map.of("emptyDistance", 120, "fullDistance", 20)));

    @Test
    void ignoresARetainedEsphomeStateBecauseItCarriesNoTimeOfItsOwn() {
        MapResult result = router.map(ESPHOME_STATE, sample("esphome/binary-sensor-on.txt"), RECEIVED, RETAINED);

        assertEquals("device desk-5 (esphome-presence), topic " + ESPHOME_STATE + ": a retained reading without the"
                + " device's time: the last value the broker kept, not a new reading", ignored(result));
    }

    @Test
    void mapsTheSameStateWhenItIsNotTheBrokersRetainedCopy() {
        String reading = "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":true}";

        assertReading(router.map(ESPHOME_STATE, sample("esphome/binary-sensor-on.txt"), RECEIVED, false),
                "hallwatch/v1/hall-1/presence/desk-5", reading);
        assertReading(router.map(ESPHOME_STATE, sample("esphome/binary-sensor-on.txt"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-5", reading);
    }

    @Test
    void mapsARetainedZigbee2MqttStateThatCarriesLastSeenWithThatTime() {
        MapResult result = router.map("zigbee2mqtt/hall1/desk-3-pir", sample("zigbee2mqtt/aqara-rtcgq11lm-occupied.json"),
                RECEIVED, RETAINED);

        assertReading(result, "hallwatch/v1/hall-1/presence/desk-3",
                "{\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":true,\"battery\":100}");
    }

    @Test
    void ignoresARetainedZigbee2MqttStateWithoutLastSeen() {
        ignored(router.map("zigbee2mqtt/hall1/desk-3-pir", sample("zigbee2mqtt/philips-sml001-no-last-seen.json"),
                RECEIVED, RETAINED));
    }

    @Test
    void ignoresARetainedReadingFromAClockNeverSetAsItsTimeIsNoTime() {
        ignored(router.map("tele/tasmota_BIN4/SENSOR", sample("tasmota/sensor-sr04-clock-not-set.json"), RECEIVED,
                RETAINED));
    }

    @Test
    void mapsRetainedStatusesBecauseTheLastWillIsTheStateThatStillHolds() {
        assertStatus(router.map("hall1-desk5/status", sample("esphome/status-offline.txt"), RECEIVED, RETAINED),
                "hallwatch/v1/hall-1/status/desk-5", "offline");
        assertStatus(router.map("zigbee2mqtt/hall1/desk-3-pir/availability",
                sample("zigbee2mqtt/availability-online.json"), RECEIVED, RETAINED),
                "hallwatch/v1/hall-1/status/desk-3", "online");
        assertStatus(router.map("tele/tasmota_BIN4/LWT", sample("tasmota/lwt-online.txt"), RECEIVED, RETAINED),
                "hallwatch/v1/hall-1/status/bin-4", "online");
    }
}
