package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TheThingsStackV3ProfileTest {

    private static final String PIR = "hallwatch/v1/hall-1/presence/desk-3";
    private final Router router = MapTesting.router(
            binding("tts-v3", Kind.PRESENCE, "desk-3", "desk-3-pir", Map.of()),
            binding("tts-v3", Kind.BIN, "bin-entrance", "bin-entrance", Map.of("emptyDistance", 120, "fullDistance", 20)));

    @Test
    void subscribesToUplinksOfEachDeviceIdWithOrWithoutTenant() {
        assertEquals(List.of("v3/+/devices/desk-3-pir/up", "v3/+/devices/bin-entrance/up"), router.filters());
    }

    @Test
    void mapsAnUplinkOnTheTheThingsNetworkTenantTopic() {
        assertReading(router.map("v3/hall-sensors@ttn/devices/desk-3-pir/up", sample("tts/up-occupancy.json"), RECEIVED),
                PIR, "{\"ts\":\"2026-11-23T09:02:11.412345678+08:00\",\"occupied\":true,\"battery\":95,\"seq\":1834}");
    }

    @Test
    void mapsAnUplinkOnTheOpenSourceTopicWithoutTenantAndClampsAFullBin() {
        assertReading(router.map("v3/hall-bins/devices/bin-entrance/up", sample("tts/up-distance.json"), RECEIVED),
                "hallwatch/v1/hall-1/bin/bin-entrance",
                "{\"ts\":\"2026-11-23T10:15:00.5+08:00\",\"fill\":100.0,\"distance\":18.0,\"battery\":88,\"seq\":77}");
    }

    @Test
    void takesTheUplinkMessagesReceiveTimeWhenTheTopLevelOneIsAbsent() throws IOException {
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("tts/up-occupancy.json"));
        uplink.remove("received_at");

        assertReading(router.map("v3/hall-sensors@ttn/devices/desk-3-pir/up",
                new ObjectMapper().writeValueAsBytes(uplink), RECEIVED),
                PIR, "{\"ts\":\"2026-11-23T09:02:11.405+08:00\",\"occupied\":true,\"battery\":95,\"seq\":1834}");
    }

    @Test
    void refusesAnUplinkWithoutDecodedPayloadSayingToSetAFormatter() {
        String reason = refused(router.map("v3/hall-sensors@ttn/devices/desk-3-pir/up",
                sample("tts/up-no-decoded-payload.json"), RECEIVED));

        assertTrue(reason.endsWith("the uplink has no decoded_payload: set an uplink payload formatter for the device"
                + " or its application in The Things Stack"), reason);
    }

    @Test
    void refusesADecodedOccupancyThatIsNeitherBooleanNorOneOrZero() throws IOException {
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("tts/up-occupancy.json"));
        ((ObjectNode) uplink.get("uplink_message").get("decoded_payload")).put("occupancy", 2);

        String reason = refused(router.map("v3/hall-sensors@ttn/devices/desk-3-pir/up",
                new ObjectMapper().writeValueAsBytes(uplink), RECEIVED));

        assertTrue(reason.endsWith("occupied: /uplink_message/decoded_payload/occupancy is 2, not a boolean"
                + " (the profile maps 0, 1)"), reason);
    }

    @Test
    void refusesTheUplinkOfAnotherDevice() {
        String reason = refused(router.map("v3/hall-sensors@ttn/devices/desk-4-pir/up", sample("tts/up-occupancy.json"),
                RECEIVED));

        assertEquals("no configured device uses topic v3/hall-sensors@ttn/devices/desk-4-pir/up", reason);
    }
}
