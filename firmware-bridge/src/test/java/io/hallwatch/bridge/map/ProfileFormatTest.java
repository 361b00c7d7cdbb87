package io.hallwatch.bridge.map;

import static io.hallwatch.bridge.map.MapTesting.RECEIVED;
import static io.hallwatch.bridge.map.MapTesting.RECEIVED_TS;
import static io.hallwatch.bridge.map.MapTesting.assertReading;
import static io.hallwatch.bridge.map.MapTesting.binding;
import static io.hallwatch.bridge.map.MapTesting.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Custom profiles, as ops people write them: what works, and what is refused with which message. */
class ProfileFormatTest {

    private static final String HEAD = "description: a test device\nkinds: [presence]\n";

    static JsonNode yaml(String text) {
        try {
            return new YAMLMapper().readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String problem(String definition) {
        return assertThrows(IllegalArgumentException.class,
                () -> Profiles.shipped().with("acme-desk", yaml(definition))).getMessage();
    }

    @Test
    void mapsWithACustomProfileFromTheConfiguration() {
        Profiles profiles = Profiles.shipped().with("acme-desk", yaml(HEAD
                + "topics:\n  - topic: 'acme/{source}/state'\n    readings:\n      presence:\n"
                + "        occupied: {from: /seat, map: {taken: true, free: false}}\n        battery: /bat\n"));
        Router router = new Router(profiles, List.of(binding("acme-desk", Kind.PRESENCE, "desk-1", "d1", Map.of())));

        assertReading(router.map("acme/d1/state", utf8("{\"seat\":\"taken\",\"bat\":12.5}"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-1", "{\"ts\":\"" + RECEIVED_TS + "\",\"occupied\":true,\"battery\":12.5}");
    }

    @Test
    void readsTheWordsOfAProfileInAnyCase() {
        Profiles profiles = Profiles.shipped().with("acme-desk", yaml(HEAD
                + "options:\n  grace: {type: Number, description: d}\n"
                + "topics:\n  - topic: 'acme/{source}/state'\n    payload: JSON\n    readings:\n      presence:\n"
                + "        occupied: /seat\n        ts: {from: /t, format: Epoch-S}\n"));
        Router router = new Router(profiles, List.of(binding("acme-desk", Kind.PRESENCE, "desk-1", "d1", Map.of())));

        assertReading(router.map("acme/d1/state", utf8("{\"seat\":true,\"t\":1763859731}"), RECEIVED),
                "hallwatch/v1/hall-1/presence/desk-1", "{\"ts\":\"2025-11-23T09:02:11+08:00\",\"occupied\":true}");
    }

    @Test
    void readsACustomProfileFileNamedAfterTheFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("acme-door.yaml");
        Files.writeString(file, HEAD + "topics:\n  - topic: 'acme/{source}'\n    readings:\n"
                + "      presence: {occupied: /open}\n");

        Profiles profiles = Profiles.shipped().withFile(file);

        assertEquals(Set.of(Kind.PRESENCE), profiles.get("acme-door").kinds());
    }

    @Test
    void refusesAProfileFileThatIsNotYaml(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yml");
        Files.writeString(file, "description: [unclosed\n");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Profiles.shipped().withFile(file));

        assertTrue(error.getMessage().startsWith("profile file " + file + " is not valid YAML"), error.getMessage());
    }

    @Test
    void refusesToRedefineAShippedProfile() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Profiles.shipped().with("tts-v3", yaml(HEAD + "topics: []\n")));

        assertEquals("profile tts-v3 is already defined; give a custom profile a name of its own", error.getMessage());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: /o, ocupied: /p}\\n"
            + "| profile acme-desk: topics[0].readings.presence.ocupied: not a field of a presence reading"
            + " (ts, occupied, battery, seq)",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {battery: /b}\\n"
            + "| profile acme-desk: topics[0].readings.presence: a presence reading needs occupied",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: {pointer: /o}}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied: unknown key 'pointer' (known: calibrate,"
            + " format, from, map, optional, template, value)",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: occupancy}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied.from: 'occupancy' is neither a JSON pointer"
            + " (starting with /) nor payload",
        "topics:\\n  - topic: 'a/{source}'\\n    payload: text\\n    readings:\\n      presence: {occupied: /o}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied.from: the topic's payload is text, so pointer"
            + " /o cannot apply (use from: payload)",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence:\\n        occupied: {from: /o, map: {'Y': sure}}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied: map.Y is \"sure\", not a boolean",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: /o, ts: {from: /t, format: iso}}\\n"
            + "| profile acme-desk: topics[0].readings.presence.ts.format 'iso' is not one of auto, rfc3339, epoch-ms,"
            + " epoch-s, local",
        "topics:\\n  - topic: 'a/{options.prefix}/{source}'\\n    readings:\\n      presence: {occupied: /o}\\n"
            + "| profile acme-desk: topics[0]: refers to {options.prefix}, which the profile does not declare under"
            + " options",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: {template: '{seat}'}}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied: template '{seat}' is neither {source}, a"
            + " capture of the topic [] nor a JSON pointer such as {/field}",
        "topics:\\n  - topic: 'a/#'\\n    readings:\\n      presence: {occupied: /o}\\n"
            + "| profile acme-desk: topics[0].topic: topic part 'a/#' holds + # { or }: use {name} to capture a level",
        "topics:\\n  - topic: 'a/{source}'\\n    status: /s\\n    readings:\\n      presence: {occupied: /o}\\n"
            + "| profile acme-desk: topics[0]: give either readings or status",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: /o, fill: /f}\\n"
            + "| profile acme-desk: topics[0].readings.presence.fill: not a field of a presence reading",
        "topics:\\n  - topic: 'a/{source}'\\n    readings:\\n      presence: {occupied: {from: /o, optional: true}}\\n"
            + "| profile acme-desk: topics[0].readings.presence.occupied.optional: the contract requires occupied in"
            + " every presence reading",
        "topics:\\n  - topic: 'a/{source}/status'\\n    status: {value: on}\\n"
            + "| profile acme-desk: kinds: no topic has readings for presence",
        "topic: 'a/{source}'\\n| profile acme-desk: the definition: unknown key 'topic' (known: description, kinds,"
            + " options, source, topics)",
        "topics:\\n  - topic: 'a/{source}'\\n    payload: xml\\n    readings:\\n      presence: {occupied: /o}\\n"
            + "| profile acme-desk: topics[0].payload 'xml' is not one of json, text, auto",
        "options:\\n  o: {type: integer, description: d}\\ntopics:\\n  - topic: 'a/{source}'\\n    readings:\\n"
            + "      presence: {occupied: /o}\\n| profile acme-desk: options.o.type: 'integer' is not one of text, number,"
            + " field"
    })
    void refusesABadDefinitionNamingTheProfileAndTheField(String topics, String expected) {
        String problem = problem(HEAD + topics.replace("\\n", "\n"));

        assertTrue(problem.startsWith(expected), problem);
    }

    @Test
    void refusesCalibrateWithoutDeclaredCalibrationOptions() {
        String problem = problem("description: d\nkinds: [bin]\ntopics:\n  - topic: 'a/{source}'\n    readings:\n"
                + "      bin: {fill: {from: /d, calibrate: true}}\n");

        assertEquals("profile acme-desk: topics[0].readings.bin.fill: calibrate: true needs the profile to declare"
                + " the number options emptyDistance and fullDistance", problem);
    }

    @Test
    void refusesAnOptionDefaultOfTheWrongType() {
        String problem = problem(HEAD + "options:\n  emptyDistance: {type: number, default: far, description: d}\n"
                + "topics:\n  - topic: 'a/{source}'\n    readings:\n      presence: {occupied: /o}\n");

        assertEquals("profile acme-desk: options.emptyDistance.default: option emptyDistance must be a number, not"
                + " \"far\"", problem);
    }

    @Test
    void refusesANameThatCannotBeWrittenInAConfiguration() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Profiles.shipped().with("Acme Desk", yaml(HEAD)));

        assertTrue(error.getMessage().startsWith("profile name 'Acme Desk' must be"), error.getMessage());
    }
}
