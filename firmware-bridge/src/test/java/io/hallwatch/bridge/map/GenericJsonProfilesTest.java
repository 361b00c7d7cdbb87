package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.assertStatus;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.refused;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GenericJsonProfilesTest {

    @Test
    void mapsAnUnknownPresenceDeviceFromPointersInTheOptions() {
        Router router = MapTesting.router(binding("generic-json", Kind.PRESENCE, "desk-9", "acme/desk9/state", Map.of(
                "occupied", Map.of("from", "/motion", "map", Map.of("yes", true, "no", false)),
                "battery", "/power/battery", "ts", Map.of("from", "/time", "format", "epoch-s"), "seq", "/n")));

        MapResult result = router.map("acme/desk9/state",
                utf8("{\"motion\":\"yes\",\"power\":{\"battery\":54},\"time\":1763859731,\"n\":17}"), RECEIVED);

        assertReading(result, "hallwatch/v1/hall-1/presence/desk-9",
                "{\"ts\":\"2025-11-23T09:02:11+08:00\",\"occupied\":true,\"battery\":54,\"seq\":17}");
    }

    @Test
    void buildsASignageReadingFromConstantsTemplatesAndCaptures() {
        Router router = MapTesting.router(binding("generic-json", Kind.SIGNAGE, "sign-1", "sign-1", Map.of(
                "topic", "signs/{window}/{source}",
                "state", Map.of("from", "/err", "map", Map.of("0", "ok")),
                "showing", Map.of("from", "/mode", "map", Map.of("OPEN", "open", "BREAK", "paused", "SHUT", "closed")),
                "code", Map.of("template", "{window}-E{/err}"))));

        assertEquals(List.of("signs/+/sign-1"), router.filters());
        assertReading(router.map("signs/w4/sign-1", utf8("{\"err\":0,\"mode\":\"BREAK\"}"), RECEIVED),
                "hallwatch/v1/hall-1/signage/sign-1",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"state\":\"ok\",\"showing\":\"paused\",\"code\":\"w4-E0\"}");
    }

    @Test
    void readsWholeNumbersSentAsDoublesAsTheNumbersTheyAre() {
        Router router = MapTesting.router(binding("generic-json", Kind.SIGNAGE, "sign-1", "sign-1", Map.of(
                "state", Map.of("from", "/err", "map", Map.of("0", "ok")), "showing", Map.of("value", "open"),
                "code", Map.of("template", "E{/err}"))));
        Router reader = MapTesting.router(binding("generic-json", Kind.BADGE, "reader-1", "reader-1",
                Map.of("card", "/uid", "action", Map.of("value", "in"))));

        assertReading(router.map("sign-1", utf8("{\"err\":0.0}"), RECEIVED), "hallwatch/v1/hall-1/signage/sign-1",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"state\":\"ok\",\"showing\":\"open\",\"code\":\"E0\"}");
        assertReading(reader.map("reader-1", utf8("{\"uid\":4711.0}"), RECEIVED), "hallwatch/v1/hall-1/badge/reader-1",
                "{\"ts\":\"" + RECEIVED_TS + "\",\"card\":\"4711\",\"action\":\"in\"}");
    }

    @Test
    void mapsABadgeReaderAndItsLastWill() {
        Router router = MapTesting.router(binding("generic-json", Kind.BADGE, "reader-1", "readers/r1/swipe", Map.of(
                "card", "/uid", "action", Map.of("value", "in"), "statusTopic", "readers/r1/lwt")));

        assertReading(router.map("readers/r1/swipe", utf8("{\"uid\":\"04A1B2C3\"}"), RECEIVED),
                "hallwatch/v1/hall-1/badge/reader-1", "{\"ts\":\"" + RECEIVED_TS + "\",\"card\":\"04A1B2C3\",\"action\":\"in\"}");
        assertStatus(router.map("readers/r1/lwt", utf8("Offline"), RECEIVED), "hallwatch/v1/hall-1/status/reader-1",
                "offline");
    }

    @Test
    void refusesACardLongerThanTheServiceKeeps() {
        Router router = MapTesting.router(binding("generic-json", Kind.BADGE, "reader-1", "readers/r1/swipe",
                Map.of("card", "/uid", "action", "/dir")));

        String reason = refused(router.map("readers/r1/swipe",
                utf8("{\"uid\":\"" + "A".repeat(65) + "\",\"dir\":\"out\"}"), RECEIVED));

        assertTrue(reason.contains("card: /uid is \"AAAA"), reason);
        assertTrue(reason.endsWith("not a text of 1 to 64 characters without control characters"), reason);
    }

    @Test
    void refusesToBindAKindWhoseRequiredFieldHasNoOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MapTesting.router(
                binding("generic-json", Kind.SIGNAGE, "sign-1", "sign-1", Map.of("state", "/state"))));

        assertEquals("device sign-1 (profile generic-json): a signage reading needs showing, and the profile gives"
                + " none (set option showing)", error.getMessage());
    }

    @Test
    void refusesAFieldOptionWithAnUnknownKeyWhenTheRouterIsBuilt() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> MapTesting.router(
                binding("generic-json", Kind.PRESENCE, "desk-9", "desk9", Map.of("occupied", Map.of("pointer", "/m")))));

        assertTrue(error.getMessage().startsWith("device desk-9 (profile generic-json): topics[0].readings.presence"
                + ".occupied: unknown key 'pointer'"), error.getMessage());
    }

    @Test
    void calibratesADistanceOnTheUltrasonicJsonTopic() {
        Router router = MapTesting.router(binding("ultrasonic-json-bin", Kind.BIN, "bin-7", "bins/bin-7/level",
                Map.of("emptyDistance", 100, "fullDistance", 25)));

        assertReading(router.map("bins/bin-7/level",
                utf8("{\"distance\":62.5,\"battery\":91,\"ts\":\"2026-11-23T02:15:00Z\",\"seq\":3}"), RECEIVED),
                "hallwatch/v1/hall-1/bin/bin-7",
                "{\"ts\":\"2026-11-23T10:15:00+08:00\",\"fill\":50.0,\"distance\":62.5,\"battery\":91,\"seq\":3}");
    }

    @Test
    void subscribesToTheUltrasonicStatusTopicOnlyWhenOneIsConfigured() {
        Router without = MapTesting.router(binding("ultrasonic-json-bin", Kind.BIN, "bin-7", "bins/bin-7/level",
                Map.of("emptyDistance", 100, "fullDistance", 25)));
        Router with = MapTesting.router(binding("ultrasonic-json-bin", Kind.BIN, "bin-7", "bins/bin-7/level",
                Map.of("emptyDistance", 100, "fullDistance", 25, "statusTopic", "bins/bin-7/status")));

        assertEquals(List.of("bins/bin-7/level"), without.filters());
        assertEquals(List.of("bins/bin-7/level", "bins/bin-7/status"), with.filters());
        assertStatus(with.map("bins/bin-7/status", utf8("{\"status\":\"online\"}"), RECEIVED),
                "hallwatch/v1/hall-1/status/bin-7", "online");
    }
}
