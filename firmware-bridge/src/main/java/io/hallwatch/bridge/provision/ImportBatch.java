package io.hallwatch.bridge.provision;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One call of {@code POST /api/devices/import}: a CSV body with the header {@code id,hall,kind,window,zone}
 * and the rows of the user's file it carries. The service numbers the lines of the body it received,
 * so a batch remembers which of the user's rows stands on each of its lines.
 */
public final class ImportBatch {

    public static final String HEADER = "id,hall,kind,window,zone";
    /** The service imports at most this many rows per call. */
    public static final int MAX_ROWS = 10_000;

    private final List<DeviceRow> rows;
    private final String body;
    private final Map<Integer, DeviceRow> byLine;

    private ImportBatch(List<DeviceRow> rows) {
        this.rows = List.copyOf(rows);
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        Map<Integer, DeviceRow> lines = new HashMap<>();
        int line = 2;
        for (DeviceRow row : rows) {
            String record = record(row);
            lines.put(line, row);
            text.append(record).append('\n');
            // A quoted line break makes one record span lines; the service counts physical lines.
            line += 1 + (int) record.chars().filter(c -> c == '\n').count();
        }
        this.body = text.toString();
        this.byLine = lines;
    }

    /** The rows in batches of at most {@code size}, in file order. */
    public static List<ImportBatch> split(List<DeviceRow> rows, int size) {
        if (size < 1 || size > MAX_ROWS) {
            throw new IllegalArgumentException("a batch holds 1 to " + MAX_ROWS + " rows, not " + size);
        }
        List<ImportBatch> batches = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += size) {
            batches.add(new ImportBatch(rows.subList(from, Math.min(rows.size(), from + size))));
        }
        return batches;
    }

    public String body() {
        return body;
    }

    public List<DeviceRow> rows() {
        return rows;
    }

    /** The user's row on line {@code batchLine} of the body (the header is line 1). */
    public Optional<DeviceRow> rowAt(int batchLine) {
        return Optional.ofNullable(byLine.get(batchLine));
    }

    private static String record(DeviceRow row) {
        return String.join(",", row.id(), row.hall(), row.kind().wire(), field(row.window()), field(row.zone()));
    }

    private static String field(String value) {
        if (value == null) {
            return "";
        }
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }
}
