package io.hallwatch.devices;

import io.hallwatch.devices.DeviceApi.ImportReport;
import io.hallwatch.devices.DeviceApi.ImportRow;
import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
import io.hallwatch.platform.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Bulk provisioning from CSV with a header row naming the columns {@code id, hall, kind} and
 * optionally {@code window, zone}, in any order. Each row is provisioned in its own transaction, so
 * one bad row does not stop the others; the report says row by row what was created and what failed.
 * Rows for halls the caller may not manage fail without being provisioned.
 */
@ApplicationScoped
public class DeviceImporter {

    static final int MAX_ROWS = 10_000;
    private static final List<String> REQUIRED = List.of("id", "hall", "kind");
    private static final Set<String> KNOWN = Set.of("id", "hall", "kind", "window", "zone");

    @Inject
    DeviceService devices;
    @Inject
    Validator validator;

    public ImportReport importCsv(String csv, Predicate<String> mayManageHall) {
        List<CsvTable.Row> rows = CsvTable.parse(csv == null ? "" : csv);
        if (rows.isEmpty()) {
            throw ProblemException.badRequest("the CSV is empty; the first line must be a header such as id,hall,kind,window,zone");
        }
        Map<String, Integer> columns = header(rows.get(0));
        List<CsvTable.Row> data = rows.subList(1, rows.size());
        if (data.size() > MAX_ROWS) {
            throw ProblemException.badRequest("the CSV has " + data.size() + " rows; import at most " + MAX_ROWS + " at once");
        }
        List<ImportRow> results = new ArrayList<>();
        for (CsvTable.Row row : data) {
            results.add(importRow(row, columns, mayManageHall));
        }
        int created = (int) results.stream().filter(r -> r.status().equals("created")).count();
        return new ImportReport(results.size(), created, results.size() - created, results);
    }

    private static Map<String, Integer> header(CsvTable.Row row) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < row.fields().size(); i++) {
            String name = row.fields().get(i).trim().toLowerCase(Locale.ROOT);
            if (!KNOWN.contains(name)) {
                throw ProblemException.badRequest("unknown column '" + name + "' in the header; known columns are "
                        + String.join(", ", KNOWN.stream().sorted().toList()));
            }
            columns.put(name, i);
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("the header lacks the column(s) " + String.join(", ", missing));
        }
        return columns;
    }

    private ImportRow importRow(CsvTable.Row row, Map<String, Integer> columns, Predicate<String> mayManageHall) {
        String id = cell(row, columns, "id");
        try {
            String kindText = cell(row, columns, "kind");
            DeviceKind kind = kindText == null ? null : DeviceKind.fromWire(kindText.toLowerCase(Locale.ROOT))
                    .orElseThrow(() -> ProblemException.badRequest(
                            "kind '" + kindText + "' must be one of presence, signage, bin, badge"));
            ProvisionDevice request = new ProvisionDevice(id, cell(row, columns, "hall"), kind,
                    cell(row, columns, "window"), cell(row, columns, "zone"));
            validate(request);
            if (!mayManageHall.test(request.hall())) {
                throw ProblemException.forbidden("hall '" + request.hall() + "' is not one of your halls");
            }
            Provisioned done = devices.provision(request);
            return new ImportRow(row.line(), id, "created", null, done.mqttUsername(), done.mqttPassword());
        } catch (ProblemException e) {
            return new ImportRow(row.line(), id, "failed", e.getMessage(), null, null);
        }
    }

    private void validate(ProvisionDevice request) {
        Set<ConstraintViolation<ProvisionDevice>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw ProblemException.badRequest(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
    }

    private static String cell(CsvTable.Row row, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= row.fields().size()) {
            return null;
        }
        String value = row.fields().get(index).trim();
        return value.isEmpty() ? null : value;
    }
}
