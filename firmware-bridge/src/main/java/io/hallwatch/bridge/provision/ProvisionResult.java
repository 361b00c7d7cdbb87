package io.hallwatch.bridge.provision;

import io.hallwatch.bridge.provision.RowOutcome.Status;
import java.util.List;

/**
 * The outcome of a provisioning run: every row of the user's file in file order, and why the run
 * stopped early (null when every batch was answered).
 *
 * @param rows    one outcome per row of the file
 * @param stopped why later batches were not sent, or null
 */
public record ProvisionResult(List<RowOutcome> rows, String stopped) {

    public long count(Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    public boolean allCreated() {
        return rows.stream().allMatch(r -> r.status() == Status.CREATED);
    }

    /** The rows not created, in file order. */
    public List<RowOutcome> notCreated() {
        return rows.stream().filter(r -> r.status() != Status.CREATED).toList();
    }
}
