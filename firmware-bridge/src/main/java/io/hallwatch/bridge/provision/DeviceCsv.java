package io.hallwatch.bridge.provision;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.csv.CsvReader;
import io.hallwatch.bridge.csv.LineProblem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A devices file: a CSV whose header names {@code id, hall, kind} and optionally {@code window,
 * zone}, in any order and any case, as the service's {@code POST /api/devices/import} takes it (and as
 * {@code provision} writes its credentials file, so that {@code load} can read either). Other columns
 * are ignored and listed, so that a credentials file can be read as a devices file. Every problem is
 * reported with its line; a file with any problem is not to be acted on.
 */
public final class DeviceCsv {

    public static final List<String> REQUIRED = List.of("id", "hall", "kind");
    public static final List<String> OPTIONAL = List.of("window", "zone");

    /** The rows without problems and the problems of the others; act on the rows only when {@link #ok()}. */
    public record Result(List<DeviceRow> rows, List<LineProblem> problems, List<String> ignoredColumns) {

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    private DeviceCsv() {
    }

    public static Result read(Path file) throws IOException {
        try {
            // A strict decoder: a file saved as Latin-1 would otherwise turn into ids the service refuses.
            return parse(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString());
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text: save it as UTF-8 CSV", e);
        }
    }

    public static Result parse(String text) {
        CsvReader.Result csv = CsvReader.read(text);
        List<LineProblem> problems = new ArrayList<>(csv.problems());
        if (csv.records().isEmpty()) {
            problems.add(new LineProblem(1, "no header: the first line must name the columns id,hall,kind (and optionally window,zone)"));
            return new Result(List.of(), problems, List.of());
        }
        CsvReader.Record header = csv.records().get(0);
        Map<String, Integer> columns = columns(header, problems);
        if (!problems.isEmpty()) {
            return new Result(List.of(), problems, List.of());
        }
        List<DeviceRow> rows = rows(csv.records().subList(1, csv.records().size()), header, columns, problems);
        List<String> ignored = header.fields().stream().map(DeviceCsv::name)
                .filter(n -> !REQUIRED.contains(n) && !OPTIONAL.contains(n)).toList();
        return new Result(rows, problems, ignored);
    }

    /** Problems a service would certainly refuse: presence and signage stand at a window, bins and badges do not. */
    public static List<LineProblem> placementProblems(List<DeviceRow> rows) {
        List<LineProblem> problems = new ArrayList<>();
        for (DeviceRow row : rows) {
            boolean atWindow = row.kind() == Kind.PRESENCE || row.kind() == Kind.SIGNAGE;
            if (atWindow && row.window() == null) {
                problems.add(new LineProblem(row.line(), "a " + row.kind().wire() + " device needs a window"));
            } else if (!atWindow && row.window() != null) {
                problems.add(new LineProblem(row.line(), "a " + row.kind().wire()
                        + " device stands in a zone, not at a window: use the zone column"));
            }
        }
        return problems;
    }

    private static Map<String, Integer> columns(CsvReader.Record header, List<LineProblem> problems) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.fields().size(); i++) {
            String name = name(header.fields().get(i));
            if (columns.putIfAbsent(name, i) != null && (REQUIRED.contains(name) || OPTIONAL.contains(name))) {
                problems.add(new LineProblem(header.line(), "the header names the column '" + name + "' twice"));
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !columns.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            problems.add(new LineProblem(header.line(), "the header lacks the column(s) " + String.join(", ", missing)
                    + "; it must name id,hall,kind (and optionally window,zone), found: "
                    + String.join(",", header.fields())));
        }
        return columns;
    }

    private static List<DeviceRow> rows(List<CsvReader.Record> records, CsvReader.Record header,
            Map<String, Integer> columns, List<LineProblem> problems) {
        List<DeviceRow> rows = new ArrayList<>();
        Map<String, Integer> firstLine = new LinkedHashMap<>();
        for (CsvReader.Record record : records) {
            List<String> wrong = new ArrayList<>();
            if (record.fields().size() > header.fields().size()) {
                wrong.add("it has " + record.fields().size() + " fields, the header " + header.fields().size()
                        + " (quote fields that contain a comma)");
            }
            DeviceRow row = row(record, columns, wrong);
            Integer earlier = row.id() == null ? null : firstLine.putIfAbsent(row.id(), record.line());
            if (earlier != null) {
                wrong.add("device id '" + row.id() + "' is already on line " + earlier);
            }
            if (wrong.isEmpty()) {
                rows.add(row);
            } else {
                problems.add(new LineProblem(record.line(), String.join("; ", wrong)));
            }
        }
        return rows;
    }

    private static DeviceRow row(CsvReader.Record record, Map<String, Integer> columns, List<String> wrong) {
        String id = id("id", cell(record, columns, "id"), wrong);
        String hall = id("hall", cell(record, columns, "hall"), wrong);
        String kindText = cell(record, columns, "kind");
        Kind kind = null;
        try {
            kind = Kind.parse(kindText == null ? "" : kindText);
        } catch (IllegalArgumentException e) {
            wrong.add(kindText == null ? "the kind is missing: use presence, signage, bin or badge" : e.getMessage());
        }
        String window = cell(record, columns, "window");
        if (window != null) {
            id("window", window, wrong);
        }
        String zone = cell(record, columns, "zone");
        if (zone != null && zone.chars().anyMatch(Character::isISOControl)) {
            wrong.add("the zone contains a line break or control character");
        }
        return new DeviceRow(record.line(), id, hall, kind, window, zone);
    }

    private static String id(String what, String value, List<String> wrong) {
        if (value == null) {
            wrong.add("the " + what + " is missing");
        } else if (!Contract.ID.matcher(value).matches()) {
            wrong.add(what + " '" + value + "' must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        return value;
    }

    private static String cell(CsvReader.Record record, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        if (index == null || index >= record.fields().size()) {
            return null;
        }
        String value = record.fields().get(index).trim();
        return value.isEmpty() ? null : value;
    }

    private static String name(String headerField) {
        return headerField.trim().toLowerCase(Locale.ROOT);
    }
}
