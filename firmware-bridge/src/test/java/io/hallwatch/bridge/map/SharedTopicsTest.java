package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.lines;
import static io.hallwatch.bridge.map.MapTesting.messages;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One vendor device feeding several HallWatch devices: each gets its own whole message, or its own refusal. */
class SharedTopicsTest {

    private static final String TELE = "tele/tasmota_4CH/SENSOR";
    private final Router fourSwitches = MapTesting.router(
            binding("tasmota-switch-presence", Kind.PRESENCE, "desk-1", "tasmota_4CH", Map.of("switch", "Switch1")),
            binding("tasmota-switch-presence", Kind.PRESENCE, "desk-2", "tasmota_4CH", Map.of("switch", "Switch2")),
            binding("tasmota-switch-presence", Kind.PRESENCE, "desk-3", "tasmota_4CH", Map.of("switch", "Switch3")),
            binding("tasmota-switch-presence", Kind.PRESENCE, "desk-4", "tasmota_4CH", Map.of("switch", "Switch4")));

    @Test
    void subscribesToTheSharedTopicsOnce() {
        assertEquals(List.of(TELE, "tele/tasmota_4CH/LWT"), fourSwitches.filters());
    }

    @Test
    void mapsOneTelemetryOfAFourSwitchTasmotaToEachDesk() {
        MapResult result = fourSwitches.map(TELE, sample("tasmota/sensor-four-switches.json"), RECEIVED);

        assertEquals(List.of(
                "hallwatch/v1/hall-1/presence/desk-1 {\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":true}",
                "hallwatch/v1/hall-1/presence/desk-2 {\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":false}",
                "hallwatch/v1/hall-1/presence/desk-3 {\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":true}",
                "hallwatch/v1/hall-1/presence/desk-4 {\"ts\":\"2026-11-23T09:02:11+08:00\",\"occupied\":false}"),
                lines(messages(result)));
    }

    @Test
    void givesEachDeskTheStatusOfTheSharedLastWill() {
        MapResult result = fourSwitches.map("tele/tasmota_4CH/LWT", sample("tasmota/lwt-offline.txt"), RECEIVED);

        assertEquals(List.of("hallwatch/v1/hall-1/status/desk-1 offline", "hallwatch/v1/hall-1/status/desk-2 offline",
                "hallwatch/v1/hall-1/status/desk-3 offline", "hallwatch/v1/hall-1/status/desk-4 offline"),
                lines(messages(result)));
    }

    @Test
    void publishesTheDesksWhosePartMapsAndRefusesTheOneWhosePartDoesNot() {
        MapResult result = fourSwitches.map(TELE,
                utf8("{\"Time\":\"2026-11-23T09:02:11\",\"Switch1\":\"ON\",\"Switch2\":\"OFF\",\"Switch3\":\"ON\"}"), RECEIVED);

        MapResult.Mapped mapped = assertInstanceOf(MapResult.Mapped.class, result);
        assertEquals(3, mapped.messages().size());
        assertEquals(List.of("device desk-4 (tasmota-switch-presence), topic " + TELE
                + ": occupied is missing (looked at /Switch4)"), mapped.refusals());
    }

    @Test
    void refusesTheMessageNamingEachDeviceWhenNoPartMaps() {
        String reason = refused(fourSwitches.map(TELE, utf8("{\"Time\":\"2026-11-23T09:02:11\"}"), RECEIVED));

        assertEquals("device desk-1 (tasmota-switch-presence), topic " + TELE + ": occupied is missing (looked at"
                + " /Switch1); device desk-2 (tasmota-switch-presence), topic " + TELE + ": occupied is missing (looked"
                + " at /Switch2); device desk-3 (tasmota-switch-presence), topic " + TELE + ": occupied is missing"
                + " (looked at /Switch3); device desk-4 (tasmota-switch-presence), topic " + TELE + ": occupied is"
                + " missing (looked at /Switch4)", reason);
    }

    @Test
    void feedsAPresenceAndABinDeviceFromOneTasmota() {
        Router router = MapTesting.router(
                binding("tasmota-switch-presence", Kind.PRESENCE, "desk-1", "tasmota_1", Map.of()),
                binding("tasmota-sr04-bin", Kind.BIN, "bin-1", "tasmota_1", Map.of("emptyDistance", 120, "fullDistance", 20)));

        MapResult result = router.map("tele/tasmota_1/SENSOR", sample("tasmota/sensor-switch1-and-sr04.json"), RECEIVED);

        assertEquals(List.of(
                "hallwatch/v1/hall-1/presence/desk-1 {\"ts\":\"2026-11-23T10:15:00+08:00\",\"occupied\":true}",
                "hallwatch/v1/hall-1/bin/bin-1 {\"ts\":\"2026-11-23T10:15:00+08:00\",\"fill\":76.8,\"distance\":43.2}"),
                lines(messages(result)));
    }

    @Test
    void mapsEachChannelOfAMultiChannelLoRaWanNode() throws IOException {
        Router router = MapTesting.router(
                binding("chirpstack-v4", Kind.PRESENCE, "desk-1", "a84041000181c061", Map.of("occupancyField", "ch1")),
                binding("chirpstack-v4", Kind.PRESENCE, "desk-2", "a84041000181c061", Map.of("occupancyField", "ch2")));
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("chirpstack/up-occupancy.json"));
        uplink.set("object", new ObjectMapper().readTree("{\"ch1\":1.0,\"ch2\":0.0,\"battery\":95.0}"));

        MapResult result = router.map("application/17c82e96-be03-4f38-aef3-f83d48582d97/device/a84041000181c061/event/up",
                new ObjectMapper().writeValueAsBytes(uplink), RECEIVED);

        String ts = "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",";
        assertEquals(List.of(
                "hallwatch/v1/hall-1/presence/desk-1 " + ts + "\"occupied\":true,\"battery\":95.0,\"seq\":812}",
                "hallwatch/v1/hall-1/presence/desk-2 " + ts + "\"occupied\":false,\"battery\":95.0,\"seq\":812}"),
                lines(messages(result)));
    }

    @Test
    void stillRefusesTheSameHallWatchDeviceBoundTwiceOnOneTopic() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> MapTesting.router(
                        binding("tasmota-switch-presence", Kind.PRESENCE, "desk-1", "tasmota_4CH", Map.of("switch", "Switch1")),
                        binding("tasmota-switch-presence", Kind.PRESENCE, "desk-1", "tasmota_4CH", Map.of("switch", "Switch2"))));

        assertEquals("device desk-1 is bound twice; a HallWatch device speaks for one vendor device", error.getMessage());
    }
}
