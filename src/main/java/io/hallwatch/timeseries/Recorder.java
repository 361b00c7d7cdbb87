package io.hallwatch.timeseries;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;

/**
 * Where features record points for InfluxDB. Inside a transaction the points go into one outbox row
 * ({@link PendingPoints}) of that transaction: inserted with its first point, and the later ones
 * appended to it (written once, when the transaction flushes). The points so exist exactly when the
 * change they describe does, at the cost of one row per transaction: an ingest batch records its
 * hundred messages in one. Off (nothing kept) while no InfluxDB URL is set.
 */
@ApplicationScoped
public class Recorder {

    private static final String KEY = "hallwatch.timeseries.row";
    private static final int LINES_PER_ROW = 1000;

    @Inject
    TimeseriesConfig config;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    Clock clock;

    public boolean enabled() {
        return config.url().filter(u -> !u.isBlank()).isPresent();
    }

    public void record(String line) {
        if (!enabled()) {
            return;
        }
        int status = transactions.getTransactionStatus();
        if (status == Status.STATUS_NO_TRANSACTION) {
            QuarkusTransaction.requiringNew().run(() -> newRow(line));
        } else if (status == Status.STATUS_ACTIVE) {
            PendingPoints row = (PendingPoints) transactions.getResource(KEY);
            if (row == null || row.lineCount >= LINES_PER_ROW || !PendingPoints.getEntityManager().contains(row)) {
                transactions.putResource(KEY, newRow(line));
            } else {
                row.lines = row.lines + "\n" + line;
                row.lineCount++;
            }
        }
        // A transaction that will roll back records nothing: what it describes did not happen.
    }

    private PendingPoints newRow(String line) {
        PendingPoints row = new PendingPoints();
        row.lines = line;
        row.lineCount = 1;
        row.createdAt = clock.instant();
        row.persist();
        return row;
    }
}
