package io.hallwatch.bridge.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.mqtt.Credentials;
import io.hallwatch.bridge.provision.RowOutcome.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Provisioner} against a stand-in for the service's import endpoint. */
class ProvisionerTest {

    @TempDir
    Path dir;

    private final FakeImport service = new FakeImport();
    private final StringWriter progress = new StringWriter();

    @Test
    void reportsAFailedRowByTheLineOfTheUsersFileNotOfTheBatch() throws IOException {
        service.refuse.put("d5", "hall 'h1' does not exist");

        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(6), 3));

        RowOutcome failed = result.notCreated().get(0);
        assertEquals(new RowOutcome(6, "d5", Status.FAILED, "hall 'h1' does not exist"), failed,
                "d5 is line 3 of the second batch and line 6 of the file");
        assertEquals(5, result.count(Status.CREATED));
        assertEquals(2, service.bodies.size());
        assertTrue(progress.toString().contains("batch 2 of 2"), progress.toString());
    }

    @Test
    void keepsThePasswordsOfEarlierBatchesWhenALaterOneGetsNoAnswer() throws IOException {
        service.noAnswerOnCall.put(2, "connection reset");

        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(7), 3));

        assertEquals(List.of("d1", "d2", "d3"), List.copyOf(Credentials.read(out()).all().keySet()));
        assertEquals("pw-d2-1", Credentials.read(out()).all().get("d2")[1]);
        assertEquals(List.of(Status.UNKNOWN, Status.UNKNOWN, Status.UNKNOWN, Status.NOT_SENT),
                result.notCreated().stream().map(RowOutcome::status).toList());
        assertTrue(result.notCreated().get(0).reason().contains("revoke it (DELETE) and provision it again"));
        assertEquals(2, service.bodies.size(), "nothing is sent after a batch without an answer");
        assertTrue(result.stopped().contains("connection reset"), result.stopped());
    }

    @Test
    void stopsAtBadCredentialsAndSaysSo() throws IOException {
        service.statusOfCall.put(1, 401);

        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(4), 2));

        assertTrue(result.stopped().contains("refused the credentials of user 'ops'"), result.stopped());
        assertEquals(4, result.count(Status.NOT_SENT));
        assertEquals(1, service.bodies.size());
    }

    @Test
    void stopsWhenTheUserLacksTheRoleAndSaysSo() throws IOException {
        service.statusOfCall.put(2, 403);

        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(4), 2));

        assertTrue(result.stopped().contains("user 'ops' may not provision devices"), result.stopped());
        assertEquals(2, result.count(Status.CREATED));
        assertEquals(2, Credentials.read(out()).size());
    }

    @Test
    void aBatchTheServiceRefusesAsAWholeFailsItsRowsWithTheServicesDetail() throws IOException {
        service.statusOfCall.put(1, 400);

        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(2), 5));

        assertEquals(new RowOutcome(2, "d1", Status.FAILED, "the service answered HTTP 400: as told"), result.rows().get(0));
    }

    @Test
    void aCompleteRunStopsForNothing() throws IOException {
        ProvisionResult result = run(ImportBatch.split(ImportBatchTest.rows(3), 500));

        assertTrue(result.allCreated());
        assertNull(result.stopped());
        assertEquals(3, Credentials.read(out()).size());
    }

    private ProvisionResult run(List<ImportBatch> batches) throws IOException {
        CredentialsFile file = CredentialsFile.open(out());
        return new Provisioner(service, file, new PrintWriter(progress, true), "ops").run(batches);
    }

    private Path out() {
        return dir.resolve("credentials.csv");
    }
}
