package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.load.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where {@code provision} takes the password from, checked before anything is sent (the calls to the
 * real service are in the service's {@code ProvisionEndToEndTest}): without one it says where to give
 * one, and two sources at once are refused.
 */
class ProvisionPasswordTest {

    @TempDir
    Path dir;

    @Test
    void withoutAPasswordItSaysWhereToGiveOne() throws IOException {
        Cli run = provision(Map.of());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give the password of user 'ops' with --password-file, $HALLWATCH_PASSWORD or --password"),
                run.err());
    }

    @Test
    void refusesTwoPasswordOptionsAtOnce() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "x\n");

        Cli run = provision(Map.of(), "--password", "y", "--password-file", secret.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("give --password or --password-file, not both"), run.err());
    }

    private Cli provision(Map<String, String> environment, String... options) throws IOException {
        Path csv = Files.writeString(dir.resolve("devices.csv"), "id,hall,kind,zone\nb1,h1,bin,lobby\n");
        ProvisionCommand command = new ProvisionCommand();
        command.login.environment = environment::get;
        // Nothing listens on the discard port: the command must stop before it would call.
        List<String> args = new ArrayList<>(List.of("--csv", csv.toString(), "--out", dir.resolve("out.csv").toString(),
                "--api", "http://127.0.0.1:9", "--user", "ops"));
        args.addAll(List.of(options));
        return Cli.run(command, args.toArray(String[]::new));
    }
}
