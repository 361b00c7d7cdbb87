package io.hallwatch.bridge.provision;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.provision.RowOutcome.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a provisioning run, for a person (text) and for a script (JSON). It names rows by the
 * line of the user's file and never shows a password.
 */
public final class ProvisionReport {

    /** Rows not sent are summarised rather than listed in the text when there are more than this. */
    private static final int LISTED_NOT_SENT = 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ProvisionResult result;
    private final CredentialsFile out;

    public ProvisionReport(ProvisionResult result, CredentialsFile out) {
        this.result = result;
        this.out = out;
    }

    public void print(PrintWriter text, String csv, String api) {
        text.printf("provisioned %d of %d devices from %s through %s%n", result.count(Status.CREATED),
                result.rows().size(), csv, api);
        text.printf("credentials: %s (%d lines, %d of them from before)%n", out.path(), out.rows().size(),
                out.linesBefore());
        if (result.stopped() != null) {
            text.println("stopped: " + result.stopped());
        }
        List<RowOutcome> failed = result.notCreated();
        if (!failed.isEmpty()) {
            text.printf("not created: %d%n", failed.size());
        }
        long notSent = result.count(Status.NOT_SENT);
        for (RowOutcome row : failed) {
            if (row.status() != Status.NOT_SENT || notSent <= LISTED_NOT_SENT) {
                text.printf("  line %d, %s: %s%n", row.line(), row.id(), row.reason());
            }
        }
        if (notSent > LISTED_NOT_SENT) {
            text.printf("  %d rows were not sent (the first on line %d); run provision again with those rows%n",
                    notSent, failed.stream().filter(r -> r.status() == Status.NOT_SENT).findFirst().orElseThrow().line());
        }
        text.flush();
    }

    public void writeJson(Path file, String csv, String api) throws IOException {
        JSON.writeValue(file.toFile(), json(csv, api));
    }

    ObjectNode json(String csv, String api) {
        ObjectNode root = JSON.createObjectNode();
        root.put("csv", csv).put("api", api).put("out", out.path().toString());
        root.put("rows", result.rows().size());
        for (Status status : Status.values()) {
            root.put(camel(status), result.count(status));
        }
        root.put("complete", result.allCreated());
        root.put("stopped", result.stopped());
        ArrayNode rows = root.putArray("results");
        for (RowOutcome row : result.rows()) {
            ObjectNode node = rows.addObject().put("line", row.line()).put("id", row.id()).put("status", row.status().wire());
            if (row.reason() != null) {
                node.put("reason", row.reason());
            }
        }
        return root;
    }

    private static String camel(Status status) {
        String wire = status.wire();
        int dash = wire.indexOf('-');
        return dash < 0 ? wire : wire.substring(0, dash) + Character.toUpperCase(wire.charAt(dash + 1)) + wire.substring(dash + 2);
    }
}
