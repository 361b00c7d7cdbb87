package io.hallwatch.bridge.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad options end {@code load} with exit code 2 and a message naming the option, before any connection. */
class LoadOptionsTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "--duration 10           | is not a duration",
        "--duration 0s           | --duration must be above 0",
        "--warmup soon           | is not a duration",
        "--rate 0                | --rate must be above 0",
        "--qos 3                 | --qos must be 0, 1 or 2",
        "--connections 0         | --connections must be at least 1",
        "--connections 11        | must not exceed the devices (10)",
        "--devices 0             | --devices must be at least 1",
        "--halls 11              | --halls must be 1 to the number of devices",
        "--max-inflight 70000    | --max-inflight must be 1 to 65535",
        "--prefix bad/prefix     | makes invalid ids",
        "--broker http://x:1883  | must start with tcp:// or ssl://",
        "--password secret       | a password needs --username",
        "--devices x             | Invalid value for option '--devices'"})
    void refusesBadOptionsWithExitCodeTwo(String options, String message) {
        Cli run = Cli.run(args(options));

        assertEquals(2, run.exitCode(), run.out() + run.err());
        assertTrue(run.err().contains(message), run.err());
    }

    @Test
    void refusesHallsAndPrefixWithADevicesFileSinceTheFileNamesThem() throws Exception {
        Path devices = dir.resolve("devices.csv");
        Files.writeString(devices, "id,hall,kind\nd1,h1,bin\n");

        Cli run = Cli.run(args("--devices-csv " + devices + " --halls 3"));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("with --devices-csv the file names them"), run.err());
    }

    @Test
    void refusesADevicesFileWithProblemsNamingTheLine() throws Exception {
        Path devices = dir.resolve("devices.csv");
        Files.writeString(devices, "id,hall,kind\nd1,h1,bin\nd2,h1,toaster\n");

        Cli run = Cli.run(args("--devices-csv " + devices));

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("line 3: unknown device kind 'toaster'"), run.err());
    }

    @Test
    void helpShowsEveryOptionWithItsDefault() {
        Cli run = Cli.run("load", "--help");

        assertEquals(0, run.exitCode());
        assertTrue(run.out().contains("--rate=<rate>") && run.out().contains("Default: 1000"), run.out());
        assertTrue(run.out().contains("--duration") && run.out().contains("Default: 60s"), run.out());
    }

    /** A valid command line (against a port nothing listens on) with {@code options} replacing its own. */
    private static String[] args(String options) {
        Map<String, String> line = new LinkedHashMap<>(Map.of("--broker", "tcp://127.0.0.1:1", "--devices", "10",
                "--duration", "1s"));
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i + 1 < words.length; i += 2) {
            line.put(words[i], words[i + 1]);
        }
        List<String> args = new ArrayList<>(List.of("load"));
        line.forEach((option, value) -> args.addAll(List.of(option, value)));
        return args.toArray(String[]::new);
    }
}
