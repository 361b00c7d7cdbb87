package io.hallwatch.bridge.provision;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.api.ServiceApi;
import io.hallwatch.bridge.provision.RowOutcome.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sends batches to the service's device import one after the other and keeps every password it is
 * given: after each batch that created devices, the credentials file is saved before the next batch
 * is sent. It stops at the first batch the service does not answer with a report (bad credentials,
 * missing role, server error, no answer), since later batches would fare no better; the rows not sent
 * are reported as such.
 */
public final class Provisioner {

    /** The service's {@code POST /api/devices/import}, taking a CSV body; a seam for tests. */
    @FunctionalInterface
    public interface ImportEndpoint {
        ServiceApi.Reply post(String csv) throws IOException;
    }

    private static final String NOT_SENT = "not sent: provisioning stopped at an earlier batch";

    private final ImportEndpoint endpoint;
    private final CredentialsFile out;
    private final PrintWriter progress;
    private final String user;

    public Provisioner(ImportEndpoint endpoint, CredentialsFile out, PrintWriter progress, String user) {
        this.endpoint = endpoint;
        this.out = out;
        this.progress = progress;
        this.user = user;
    }

    public ProvisionResult run(List<ImportBatch> batches) {
        List<RowOutcome> outcomes = new ArrayList<>();
        String stopped = null;
        for (int i = 0; i < batches.size(); i++) {
            ImportBatch batch = batches.get(i);
            if (stopped != null) {
                batch.rows().forEach(r -> outcomes.add(new RowOutcome(r.line(), r.id(), Status.NOT_SENT, NOT_SENT)));
                continue;
            }
            stopped = send(batch, outcomes);
            progress.printf("batch %d of %d: %d rows, %d created so far%n", i + 1, batches.size(), batch.rows().size(),
                    outcomes.stream().filter(o -> o.status() == Status.CREATED).count());
            progress.flush();
        }
        outcomes.sort(Comparator.comparingInt(RowOutcome::line));
        return new ProvisionResult(outcomes, stopped);
    }

    /** Sends one batch and records its rows; answers why provisioning must stop, or null. */
    private String send(ImportBatch batch, List<RowOutcome> outcomes) {
        ServiceApi.Reply reply;
        try {
            reply = endpoint.post(batch.body());
        } catch (IOException e) {
            String why = "no answer from the service (" + e.getMessage() + ")";
            batch.rows().forEach(r -> outcomes.add(unknown(r, why)));
            return why;
        }
        if (reply.status() == 401 || reply.status() == 403) {
            String why = refused(reply);
            batch.rows().forEach(r -> outcomes.add(new RowOutcome(r.line(), r.id(), Status.NOT_SENT, why)));
            return why;
        }
        if (!reply.ok()) {
            String why = "the service answered " + reply.problem();
            Status status = reply.status() >= 500 ? Status.UNKNOWN : Status.FAILED;
            batch.rows().forEach(r -> outcomes.add(status == Status.UNKNOWN ? unknown(r, why)
                    : new RowOutcome(r.line(), r.id(), status, why)));
            return why;
        }
        return apply(batch, reply.body(), outcomes) ? saved() : null;
    }

    private String refused(ServiceApi.Reply reply) {
        return reply.status() == 401
                ? "the service refused the credentials of user '" + user + "' (" + reply.problem() + "): check --user and the password"
                : "user '" + user + "' may not provision devices (" + reply.problem() + "): use an ops or administrator account";
    }

    private static RowOutcome unknown(DeviceRow row, String why) {
        return new RowOutcome(row.line(), row.id(), Status.UNKNOWN, why + "; the service may have created device '"
                + row.id() + "' without us learning its password: if GET /api/devices/" + row.id()
                + " finds it, revoke it (DELETE) and provision it again");
    }

    /** Records the service's report on a batch; answers whether it created any device. */
    private boolean apply(ImportBatch batch, JsonNode report, List<RowOutcome> outcomes) {
        Set<DeviceRow> answered = new HashSet<>();
        boolean created = false;
        for (JsonNode result : report.path("results")) {
            Optional<DeviceRow> row = rowOf(batch, result);
            if (row.isEmpty() || !answered.add(row.get())) {
                continue;
            }
            RowOutcome outcome = outcome(row.get(), result);
            created |= outcome.status() == Status.CREATED;
            outcomes.add(outcome);
        }
        for (DeviceRow row : batch.rows()) {
            if (!answered.contains(row)) {
                outcomes.add(unknown(row, "the service's report does not mention line " + row.line()));
            }
        }
        return created;
    }

    /** Saves the credentials file; answers why provisioning must stop when even a rescue copy fails. */
    private String saved() {
        try {
            out.save();
            return null;
        } catch (IOException e) {
            return "cannot write " + out.path() + " (" + e.getMessage() + "); " + rescued();
        }
    }

    private String rescued() {
        try {
            return "the credentials were saved to " + out.rescue() + " instead: move them somewhere safe";
        } catch (IOException e) {
            return "nor to a temporary file (" + e.getMessage() + "): the devices created in this run have lost"
                    + " their passwords; revoke them and provision them again";
        }
    }

    /** The row a result is about: by the line the service counted, checked against the id it names. */
    private static Optional<DeviceRow> rowOf(ImportBatch batch, JsonNode result) {
        String id = result.path("id").asText("");
        Optional<DeviceRow> byLine = batch.rowAt(result.path("line").asInt(-1));
        if (byLine.isPresent() && (id.isEmpty() || byLine.get().id().equals(id))) {
            return byLine;
        }
        return batch.rows().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    private RowOutcome outcome(DeviceRow row, JsonNode result) {
        String password = result.path("mqttPassword").asText("");
        if ("created".equals(result.path("status").asText()) && !password.isEmpty()) {
            String username = result.path("mqttUsername").asText("");
            out.put(row, username.isEmpty() ? row.id() : username, password);
            return new RowOutcome(row.line(), row.id(), Status.CREATED, null);
        }
        if ("created".equals(result.path("status").asText())) {
            return unknown(row, "the service created it but sent no password");
        }
        String error = result.path("error").asText("");
        return new RowOutcome(row.line(), row.id(), Status.FAILED, error.isEmpty() ? "refused without a reason" : error);
    }
}
