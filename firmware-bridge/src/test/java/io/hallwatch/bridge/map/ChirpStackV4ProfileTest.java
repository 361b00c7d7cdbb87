package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.sample;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChirpStackV4ProfileTest {

    private static final String APP = "17c82e96-be03-4f38-aef3-f83d48582d97";
    private static final String PIR_TOPIC = "application/" + APP + "/device/a84041000181c061/event/up";
    private static final String BIN_TOPIC = "application/" + APP + "/device/a840418321838b4e/event/up";
    private final Router router = MapTesting.router(
            binding("chirpstack-v4", Kind.PRESENCE, "desk-3", "a84041000181c061", Map.of()),
            binding("chirpstack-v4", Kind.BIN, "bin-entrance", "a840418321838b4e",
                    Map.of("emptyDistance", 1200, "fullDistance", 200)));

    @Test
    void subscribesToTheUplinksOfEachDevEuiInAnyApplication() {
        assertEquals(List.of("application/+/device/a84041000181c061/event/up",
                "application/+/device/a840418321838b4e/event/up"), router.filters());
    }

    /** ChirpStack writes the decoder's 1 as 1.0: its object is a protobuf Struct, whose numbers are doubles. */
    @Test
    void mapsADecodedOccupancyOfOnePointZeroWithTimeBatteryAndFrameCounter() {
        assertReading(router.map(PIR_TOPIC, sample("chirpstack/up-occupancy.json"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-3",
                "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",\"occupied\":true,\"battery\":95.0,\"seq\":812}");
    }

    @Test
    void mapsADecodedOccupancyOfZeroPointZeroToVacant() throws IOException {
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("chirpstack/up-occupancy.json"));
        ((ObjectNode) uplink.get("object")).put("occupancy", 0.0);

        assertReading(router.map(PIR_TOPIC, new ObjectMapper().writeValueAsBytes(uplink), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-3",
                "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",\"occupied\":false,\"battery\":95.0,\"seq\":812}");
    }

    @Test
    void mapsTheOccupancyOfADecoderThatReturnsABoolean() {
        assertReading(router.map(PIR_TOPIC, sample("chirpstack/up-occupancy-boolean-decoder.json"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-3",
                "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",\"occupied\":true,\"battery\":95.0,\"seq\":814}");
    }

    @Test
    void calibratesTheDecodedDistanceOfABinSensor() {
        assertReading(router.map(BIN_TOPIC, sample("chirpstack/up-distance.json"), RECEIVED),
                "hallwatch/v1/hall-1/bin/bin-entrance",
                "{\"ts\":\"2026-11-23T10:15:00+08:00\",\"fill\":76.8,\"distance\":432.0,\"battery\":88.0,\"seq\":4711}");
    }

    @Test
    void refusesAnUplinkWithoutDecodedObjectSayingToConfigureACodec() {
        String reason = refused(router.map(PIR_TOPIC, sample("chirpstack/up-no-codec.json"), RECEIVED));

        assertTrue(reason.endsWith("the uplink has no decoded object: give the device profile a codec in ChirpStack"
                + " (Device profiles > Codec)"), reason);
    }

    @Test
    void readsOccupancyFromTheFieldNamedByTheBinding() throws IOException {
        Router renamed = MapTesting.router(binding("chirpstack-v4", Kind.PRESENCE, "desk-3", "a84041000181c061",
                Map.of("occupancyField", "pir/occupied", "batteryField", "battery_percent")));
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("chirpstack/up-occupancy.json"));
        uplink.set("object", new ObjectMapper().readTree("{\"pir\":{\"occupied\":0.0},\"battery_percent\":61.5}"));

        assertReading(renamed.map(PIR_TOPIC, new ObjectMapper().writeValueAsBytes(uplink), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-3",
                "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",\"occupied\":false,\"battery\":61.5,\"seq\":812}");
    }

    @Test
    void leavesOutSeqWhenChirpStackOmitsAZeroFrameCounter() throws IOException {
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("chirpstack/up-occupancy.json"));
        uplink.remove("fCnt");
        uplink.remove("object");
        uplink.set("object", new ObjectMapper().readTree("{\"occupancy\":false}"));

        assertReading(router.map(PIR_TOPIC, new ObjectMapper().writeValueAsBytes(uplink), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-3", "{\"ts\":\"2026-11-23T09:02:11.823500726+08:00\",\"occupied\":false}");
    }

    @Test
    void refusesAFrameCounterThatIsNotAnIntegerAtLeastZero() throws IOException {
        ObjectNode uplink = (ObjectNode) new ObjectMapper().readTree(sample("chirpstack/up-occupancy.json"));
        uplink.put("fCnt", -3);
        String negative = refused(router.map(PIR_TOPIC, new ObjectMapper().writeValueAsBytes(uplink), RECEIVED));
        uplink.put("fCnt", 8.5);
        String fraction = refused(router.map(PIR_TOPIC, new ObjectMapper().writeValueAsBytes(uplink), RECEIVED));

        assertTrue(negative.endsWith("seq: /fCnt is -3, not an integer >= 0"), negative);
        assertTrue(fraction.endsWith("seq: /fCnt is 8.5, not an integer >= 0"), fraction);
    }

    @Test
    void refusesADevEuiWrittenInUpperCaseWhenTheRouterIsBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MapTesting.router(
                binding("chirpstack-v4", Kind.PRESENCE, "desk-3", "A84041000181C061", Map.of())));

        assertEquals("device desk-3 (profile chirpstack-v4): source 'A84041000181C061' must be the device's DevEUI in"
                + " lower-case hex (16 digits), as ChirpStack writes it in topics", error.getMessage());
    }

    @Test
    void refusesABinWithoutCalibrationWhenTheRouterIsBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MapTesting.router(
                binding("chirpstack-v4", Kind.BIN, "bin-entrance", "a840418321838b4e", Map.of("emptyDistance", 1200))));

        assertTrue(error.getMessage().startsWith("device bin-entrance (profile chirpstack-v4): "), error.getMessage());
        assertTrue(error.getMessage().contains("option fullDistance is missing"), error.getMessage());
    }
}
