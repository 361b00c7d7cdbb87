package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.load.Cli;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code provision} command as a user runs it, against a stand-in for the service's import. */
class ProvisionCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final FakeImport service = new FakeImport();

    @Test
    void createsEveryDeviceKeepsItsCredentialsOwnerOnlyAndExitsZero() throws IOException {
        Path csv = write("devices.csv", """
                # hall A, ground floor
                id,hall,kind,window,zone
                door-1,hall-a,presence,w1,
                sign-1,hall-a,signage,w1,
                bin-1,hall-a,bin,,lobby
                """);

        Cli run = provision(csv, "--password", "pw");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("provisioned 3 of 3 devices"), run.out());
        Credentials written = Credentials.read(out());
        assertEquals(List.of("door-1", "sign-1", "bin-1"), List.copyOf(written.all().keySet()));
        assertEquals("pw-bin-1-1", written.all().get("bin-1")[1]);
        assertTrue(Files.readString(out()).contains("bin-1,hall-a,bin,hallwatch/v1/hall-a/bin/bin-1,hallwatch/v1/hall-a/status/bin-1"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out())));
        assertFalse(run.out().contains("pw-"), "passwords stay out of the report");
    }

    @Test
    void listsEachRowNotCreatedByItsFileLineWithTheReasonAndExitsOne() throws IOException {
        Path csv = write("devices.csv", "id,hall,kind,zone\n# bins\nb1,h1,bin,\nb2,h1,bin,\n\nb3,h9,bin,\nb4,h1,bin,\n");
        service.refuse.put("b3", "hall 'h9' does not exist");
        service.refuse.put("b1", "device 'b1' is already provisioned in hall 'h1'; revoke it first to replace it");
        Path report = dir.resolve("report.json");

        Cli run = provision(csv, "--password", "pw", "--batch", "2", "--report", report.toString());

        assertEquals(1, run.exitCode(), run.err());
        assertTrue(run.out().contains("provisioned 2 of 4 devices"), run.out());
        assertTrue(run.out().contains("line 3, b1: device 'b1' is already provisioned"), run.out());
        assertTrue(run.out().contains("line 6, b3: hall 'h9' does not exist"), run.out());
        JsonNode json = JSON.readTree(report.toFile());
        assertEquals(4, json.get("rows").asInt());
        assertEquals(2, json.get("created").asInt());
        assertEquals(2, json.get("failed").asInt());
        assertFalse(json.get("complete").asBoolean());
        JsonNode third = json.get("results").get(2);
        assertEquals("6 b3 failed hall 'h9' does not exist", third.get("line").asInt() + " " + third.get("id").asText()
                + " " + third.get("status").asText() + " " + third.get("reason").asText());
        assertFalse(Files.readString(report).contains("pw-"), "no password in the JSON report");
    }

    @Test
    void checksTheWholeFileFirstAndSendsNothingWhenARowIsBad() throws IOException {
        Path csv = write("devices.csv", "id,hall,kind,window\np1,h1,presence,w1\np2,h1,presence,\nb1,h1,bucket,\n");

        Cli run = provision(csv, "--password", "pw");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("devices.csv, line 3: a presence device needs a window"), run.err());
        assertTrue(run.err().contains("devices.csv, line 4: unknown device kind 'bucket'"), run.err());
        assertTrue(run.err().contains("nothing was sent"), run.err());
        assertEquals(List.of(), service.bodies);
        assertFalse(Files.exists(out()));
    }

    @Test
    void aSecondRunAddsToTheCredentialsFileInsteadOfReplacingIt() throws IOException {
        assertEquals(0, provision(write("a.csv", "id,hall,kind\nb1,h1,bin\n"), "--password", "pw").exitCode());
        assertEquals(0, provision(write("b.csv", "id,hall,kind\nb2,h1,bin\n"), "--password", "pw").exitCode());

        assertEquals(List.of("b1", "b2"), List.copyOf(Credentials.read(out()).all().keySet()));
    }

    @Test
    void refusesAnOutFileThatIsNotACredentialsFileBeforeSendingAnything() throws IOException {
        Files.writeString(out(), "name,phone\nAda,123\n");

        Cli run = provision(write("a.csv", "id,hall,kind\nb1,h1,bin\n"), "--password", "pw");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("is not a credentials file"), run.err());
        assertEquals(List.of(), service.bodies);
        assertEquals("name,phone\nAda,123\n", Files.readString(out()));
    }

    @Test
    void refusesABatchSizeTheServiceWouldRefuse() throws IOException {
        Cli run = provision(write("a.csv", "id,hall,kind\nb1,h1,bin\n"), "--password", "pw", "--batch", "20000");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--batch must be 1 to 10000"), run.err());
    }

    private Cli provision(Path csv, String... options) {
        ProvisionCommand command = new ProvisionCommand();
        command.endpoint = service;
        List<String> args = new ArrayList<>(List.of("--csv", csv.toString(), "--out", out().toString()));
        args.addAll(List.of(options));
        return Cli.run(command, args.toArray(String[]::new));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private Path out() {
        return dir.resolve("credentials.csv");
    }
}
