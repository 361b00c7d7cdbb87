package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsFileTest {

    @TempDir
    Path dir;

    @Test
    void keepsTheLinesOfEarlierRunsAndReplacesOnlyDevicesCreatedAgain() throws IOException {
        Path out = dir.resolve("credentials.csv");
        Files.writeString(out, String.join(",", Credentials.HEADER) + "\n"
                + "old-1,h1,bin,t,s,old-1,first\nold-2,h1,bin,t,s,old-2,second\n");

        CredentialsFile file = CredentialsFile.open(out);
        file.put(new DeviceRow(2, "old-2", "h2", Kind.BIN, null, null), "old-2", "renewed");
        file.put(new DeviceRow(3, "new-1", "h1", Kind.PRESENCE, "w1", null), "new-1", "fresh");
        file.save();

        assertEquals(List.of(String.join(",", Credentials.HEADER), "old-1,h1,bin,t,s,old-1,first",
                "old-2,h2,bin,hallwatch/v1/h2/bin/old-2,hallwatch/v1/h2/status/old-2,old-2,renewed",
                "new-1,h1,presence,hallwatch/v1/h1/presence/new-1,hallwatch/v1/h1/status/new-1,new-1,fresh"),
                Files.readAllLines(out));
        assertEquals(2, file.linesBefore());
    }

    @Test
    void writesAFileOnlyItsOwnerCanRead() throws IOException {
        Path out = dir.resolve("credentials.csv");
        CredentialsFile file = CredentialsFile.open(out);
        file.put(new DeviceRow(2, "d1", "h1", Kind.BADGE, null, "door"), "d1", "secret");
        file.save();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
        assertEquals("secret", Credentials.read(out).all().get("d1")[1], "the bridge and simulator can read it");
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(out), listing.toList(), "no temporary file is left behind");
        }
    }

    @Test
    void refusesToTakeOverAFileThatHoldsNoCredentials() throws IOException {
        Path notes = dir.resolve("notes.csv");
        Files.writeString(notes, "name,phone\nAda,123\n");

        IOException e = assertThrows(IOException.class, () -> CredentialsFile.open(notes));
        assertTrue(e.getMessage().contains("is not a credentials file"), e.getMessage());
    }
}
