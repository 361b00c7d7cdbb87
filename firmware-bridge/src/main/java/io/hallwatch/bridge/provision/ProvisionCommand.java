package io.hallwatch.bridge.provision;

import io.hallwatch.bridge.Main;
import io.hallwatch.bridge.api.ApiLogin;
import io.hallwatch.bridge.api.ServiceApi;
import io.hallwatch.bridge.csv.LineProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * The {@code provision} command: provisions the devices of a CSV file through the service's
 * {@code POST /api/devices/import}, in batches, and keeps their MQTT credentials in a file readable by
 * its owner only (merged into the file when it exists; passwords are shown by the service only once).
 * The whole file is checked before anything is sent. Exit codes: 0 every row was created, 1 some row
 * was not (the report says which and why), 2 bad usage or a bad CSV file (nothing was sent).
 */
@Command(name = "provision", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Provisions the devices of a CSV file through HallWatch's REST API and keeps their MQTT credentials.",
                "The CSV's header names id, hall, kind and optionally window, zone, in any order; blank lines and"
                        + " lines starting with # are skipped."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every device was created", "1:some device was not (see the report)",
                "2:bad usage or a bad CSV file; nothing was sent"})
public final class ProvisionCommand implements Callable<Integer> {

    static final String IMPORT_PATH = "/api/devices/import";

    @Spec
    CommandSpec spec;

    @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The devices to provision.")
    Path csv;
    @Mixin
    ApiLogin login = new ApiLogin();
    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The credentials file (id,hall,kind,topic,statusTopic,mqttUsername,mqttPassword); rows already in it are kept.")
    Path out;
    @Option(names = "--report", paramLabel = "FILE", description = "Also write the report as JSON to this file.")
    Path report;
    @Option(names = "--batch", defaultValue = "500", description = "Rows per import call (1 to 10000).")
    int batch;

    /** The import endpoint; null means the service at {@code --api}. A seam for tests. */
    Provisioner.ImportEndpoint endpoint;

    @Override
    public Integer call() {
        Provisioner.ImportEndpoint target = endpoint == null ? service() : endpoint;
        if (batch < 1 || batch > ImportBatch.MAX_ROWS) {
            throw usage("--batch must be 1 to " + ImportBatch.MAX_ROWS + ", not " + batch);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<DeviceRow> rows = checkedRows(err);
        CredentialsFile file = rows == null ? null : credentials(err);
        if (file == null) {
            return Main.USAGE;
        }
        ProvisionResult result = new Provisioner(target, file, err, login.user()).run(ImportBatch.split(rows, batch));
        ProvisionReport text = new ProvisionReport(result, file);
        writeJson(text, err);
        text.print(spec.commandLine().getOut(), csv.toString(), login.api());
        return result.allCreated() ? 0 : Main.FAILED;
    }

    private Provisioner.ImportEndpoint service() {
        ServiceApi service = login.service();
        // Never give up on an import the service is still working through: its answer holds the only copy of the passwords.
        return body -> service.postText(IMPORT_PATH, "text/csv", body, importTimeout(body));
    }

    /** A minute, and a tenth of a second per row on top (the service hashes each new password). */
    static Duration importTimeout(String body) {
        long rows = body.chars().filter(c -> c == '\n').count();
        return Duration.ofSeconds(60).plusMillis(100 * rows);
    }

    /** The rows of --csv, or null after printing every problem of the file. */
    private List<DeviceRow> checkedRows(PrintWriter err) {
        DeviceCsv.Result parsed;
        try {
            parsed = DeviceCsv.read(csv);
        } catch (IOException e) {
            err.println("error: cannot read " + csv + ": " + e.getMessage());
            return null;
        }
        List<LineProblem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(DeviceCsv.placementProblems(parsed.rows()));
        problems.sort((a, b) -> Integer.compare(a.line(), b.line()));
        if (!parsed.ignoredColumns().isEmpty()) {
            err.println("note: " + csv + " has columns provision does not use: " + String.join(", ", parsed.ignoredColumns()));
        }
        problems.forEach(p -> err.println(csv + ", " + p));
        if (!problems.isEmpty() || parsed.rows().isEmpty()) {
            err.println(problems.isEmpty() ? "error: " + csv + " has no device rows" : "error: " + problems.size()
                    + " bad row(s) in " + csv + "; nothing was sent");
            err.flush();
            return null;
        }
        return parsed.rows();
    }

    /** The credentials file, opened and written once before anything is sent, or null after saying why not. */
    private CredentialsFile credentials(PrintWriter err) {
        try {
            CredentialsFile file = CredentialsFile.open(out);
            file.save();
            return file;
        } catch (IOException e) {
            err.println("error: cannot use --out " + out + ": " + e.getMessage() + "; nothing was sent");
            err.flush();
            return null;
        }
    }

    private void writeJson(ProvisionReport text, PrintWriter err) {
        if (report == null) {
            return;
        }
        try {
            text.writeJson(report, csv.toString(), login.api());
        } catch (IOException e) {
            err.println("error: cannot write --report " + report + ": " + e.getMessage());
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
