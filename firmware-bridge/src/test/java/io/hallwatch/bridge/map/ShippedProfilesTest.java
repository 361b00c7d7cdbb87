package io.hallwatch.bridge.map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ShippedProfilesTest {

    /** The ops documentation, beside the module in the repository. */
    private static final Path DOCS = Path.of("..", "docs", "bridge-profiles.md");

    @Test
    void loadsEveryProfileTheIndexLists() {
        Set<String> indexed = Profiles.shippedFiles().stream().map(file -> file.replaceFirst("\\.yaml$", ""))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(indexed, Profiles.shipped().names());
        assertEquals(Set.of("zigbee2mqtt-presence", "esphome-presence", "esphome-distance-bin", "tasmota-switch-presence",
                "tasmota-sr04-bin", "chirpstack-v4", "tts-v3", "ultrasonic-json-bin", "generic-json"), indexed);
    }

    @Test
    void documentsEveryShippedProfileWithAHeadingAndItsOptions() throws IOException {
        String docs = Files.readString(DOCS);
        List<String> headings = docs.lines().filter(line -> line.startsWith("### ")).toList();

        for (String name : Profiles.shipped().names()) {
            assertTrue(headings.contains("### `" + name + "`"), "docs/bridge-profiles.md lacks a heading for " + name);
            for (ProfileOption option : Profiles.shipped().get(name).options()) {
                assertTrue(docs.contains("`" + option.name() + "`"), "the docs do not mention option " + option.name()
                        + " of " + name);
            }
        }
    }

    /** A presence or bin sensor silent for sensorSilenceSeconds (600 s by default) counts as failed. */
    @Test
    void tellsForEachShippedProfileHowItsDevicesReportWithinTheSilenceLimit() throws IOException {
        String docs = Files.readString(DOCS);

        for (String name : Profiles.shipped().names()) {
            String section = section(docs, "### `" + name + "`");
            assertTrue(section.contains("**Reporting often enough.**") && section.contains("`sensorSilenceSeconds`"),
                    "docs/bridge-profiles.md does not say how " + name + " devices report within sensorSilenceSeconds");
        }
    }

    /** YAML 1.1 reads an unquoted ON, off, yes... as a boolean; the docs' examples must not teach it. */
    @Test
    void quotesTheExampleMapKeysThatYamlReadsAsBooleans() throws IOException {
        Matcher unquoted = Pattern.compile("[{,`]\\s*(?i:on|off|yes|no|true|false)\\s*:\\s").matcher(Files.readString(DOCS));

        assertFalse(unquoted.find(), () -> "unquoted boolean-like key in docs/bridge-profiles.md: " + unquoted.group());
    }

    private static String section(String docs, String heading) {
        int start = docs.indexOf(heading);
        assertTrue(start >= 0, "docs/bridge-profiles.md lacks " + heading);
        int end = docs.indexOf("\n### ", start + heading.length());
        return docs.substring(start, end < 0 ? docs.length() : end);
    }

    @Test
    void listsTheKnownProfilesWhenAskedForAnUnknownOne() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Profiles.shipped().get("lorawan"));

        assertEquals("unknown profile 'lorawan' (known: " + String.join(", ", Profiles.shipped().names()) + ")",
                error.getMessage());
    }
}
