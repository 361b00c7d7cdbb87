package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.binding;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterValidationTest {

    private static String problem(DeviceBinding... bindings) {
        return assertThrows(IllegalArgumentException.class, () -> MapTesting.router(bindings)).getMessage();
    }

    @Test
    void namesTheDeviceAndTheKnownProfilesForAnUnknownProfile() {
        String problem = problem(binding("zigbee2mqtt", Kind.PRESENCE, "desk-1", "desk-1", Map.of()));

        assertTrue(problem.startsWith("device desk-1: unknown profile 'zigbee2mqtt' (known: chirpstack-v4,"), problem);
        assertTrue(problem.contains("zigbee2mqtt-presence"), problem);
    }

    @Test
    void refusesToBindAPresenceProfileToABin() {
        assertEquals("device bin-1 (profile zigbee2mqtt-presence): the profile produces presence readings, not bin",
                problem(binding("zigbee2mqtt-presence", Kind.BIN, "bin-1", "bin-1", Map.of())));
    }

    @Test
    void refusesAnOptionTheProfileDoesNotKnowListingTheKnownOnes() {
        assertEquals("device desk-1 (profile esphome-presence): unknown option 'objectId' (profile esphome-presence"
                + " knows object)",
                problem(binding("esphome-presence", Kind.PRESENCE, "desk-1", "node1", Map.of("objectId", "pir"))));
    }

    @Test
    void refusesAnOptionToAProfileThatTakesNone() {
        Profiles profiles = Profiles.shipped().with("plain", ProfileFormatTest.yaml(
                "description: d\nkinds: [presence]\ntopics:\n  - topic: 'p/{source}'\n    readings:\n"
                        + "      presence: {occupied: /o}\n"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new Router(profiles,
                List.of(binding("plain", Kind.PRESENCE, "desk-1", "d1", Map.of("x", 1)))));

        assertEquals("device desk-1 (profile plain): unknown option 'x' (profile plain takes no options)",
                error.getMessage());
    }

    @Test
    void refusesBindingsWhoseTopicsOnlyPartlyOverlapThroughACapture() {
        String problem = problem(
                binding("generic-json", Kind.PRESENCE, "desk-1", "desk-1", Map.of("topic", "acme/{site}/desk-1",
                        "occupied", "/o")),
                binding("generic-json", Kind.PRESENCE, "desk-2", "acme/north/desk-1", Map.of("occupied", "/o")));

        assertTrue(problem.contains("is also claimed by device"), problem);
        assertTrue(problem.contains("acme/north/desk-1") && problem.contains("acme/+/desk-1"), problem);
        assertTrue(problem.endsWith("devices may share a vendor topic only when both use exactly the same one"), problem);
    }

    @Test
    void refusesTheSameDeviceBoundTwice() {
        assertEquals("device desk-1 is bound twice; a HallWatch device speaks for one vendor device", problem(
                binding("esphome-presence", Kind.PRESENCE, "desk-1", "node1", Map.of()),
                binding("esphome-presence", Kind.PRESENCE, "desk-1", "node2", Map.of())));
    }

    @Test
    void refusesASourceHoldingMqttWildcards() {
        String problem = problem(binding("zigbee2mqtt-presence", Kind.PRESENCE, "desk-1", "desks/#", Map.of()));

        assertTrue(problem.startsWith("device desk-1 (profile zigbee2mqtt-presence): topics[0].topic: "), problem);
        assertTrue(problem.contains("holds + # { or }"), problem);
    }

    @Test
    void refusesATtsDeviceIdThatTheThingsStackWouldNotAccept() {
        String problem = problem(binding("tts-v3", Kind.PRESENCE, "desk-1", "Desk_1", Map.of()));

        assertTrue(problem.startsWith("device desk-1 (profile tts-v3): source 'Desk_1' must be the end device ID"),
                problem);
    }

    @Test
    void listsEachFilterOnceWithPlusForUnboundParts() {
        Router router = MapTesting.router(
                binding("chirpstack-v4", Kind.PRESENCE, "desk-1", "0000000000000001", Map.of()),
                binding("chirpstack-v4", Kind.PRESENCE, "desk-2", "0000000000000002", Map.of()),
                binding("tts-v3", Kind.PRESENCE, "desk-3", "desk-3", Map.of()));

        assertEquals(List.of("application/+/device/0000000000000001/event/up",
                "application/+/device/0000000000000002/event/up", "v3/+/devices/desk-3/up"), router.filters());
    }

    @Test
    void buildsARouterWithoutDevices() {
        assertEquals(List.of(), new Router(Profiles.shipped(), List.of()).filters());
    }
}
