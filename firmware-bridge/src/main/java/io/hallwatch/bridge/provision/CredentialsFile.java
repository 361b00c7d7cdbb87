package io.hallwatch.bridge.provision;

import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.csv.CsvReader;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The credentials file {@code provision} keeps (columns of {@link Credentials#HEADER}). The service shows
 * a device's password only once, so this file never loses a line: rows already in it are kept, and a
 * device created again replaces its own line (its old password no longer works). Every save writes a
 * new owner-only file beside the old one and moves it into place, so a crash mid-write leaves the old
 * file whole.
 */
public final class CredentialsFile {

    private final Path path;
    private final Map<String, List<String>> rows;
    private final int before;

    private CredentialsFile(Path path, Map<String, List<String>> rows) {
        this.path = path;
        this.rows = rows;
        this.before = rows.size();
    }

    /** The file at {@code path} with its rows, or an empty one when it does not exist yet. */
    public static CredentialsFile open(Path path) throws IOException {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        if (Files.exists(path)) {
            CsvReader.Result csv = CsvReader.read(Files.readString(path));
            if (!csv.problems().isEmpty()) {
                throw new IOException(path + ", " + csv.problems().get(0));
            }
            readRows(path, csv.records(), rows);
        }
        return new CredentialsFile(path, rows);
    }

    private static void readRows(Path path, List<CsvReader.Record> records, Map<String, List<String>> rows)
            throws IOException {
        if (records.isEmpty()) {
            return;
        }
        List<String> header = records.get(0).fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        if (!header.contains("id") || !header.contains("mqttpassword")) {
            throw new IOException(path + " is not a credentials file (its header names no id and mqttPassword): "
                    + "name another --out, so that its content is not overwritten");
        }
        for (CsvReader.Record record : records.subList(1, records.size())) {
            List<String> row = new ArrayList<>();
            for (String column : Credentials.HEADER) {
                int index = header.indexOf(column.toLowerCase(Locale.ROOT));
                row.add(index >= 0 && index < record.fields().size() ? record.fields().get(index) : "");
            }
            rows.put(row.get(0), row);
        }
    }

    /** Adds or replaces the line of a device just created. */
    public void put(DeviceRow device, String username, String password) {
        rows.put(device.id(), List.of(device.id(), device.hall(), device.kind().wire(),
                Contract.reading(device.hall(), device.kind(), device.id()), Contract.status(device.hall(), device.id()),
                username, password));
    }

    public void save() throws IOException {
        Path target = path.toAbsolutePath();
        Path fresh = target.resolveSibling("." + target.getFileName() + ".new");
        Credentials.write(fresh, new ArrayList<>(rows.values()));
        try {
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(fresh, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Writes the rows to a new owner-only file in the temporary directory, when {@link #save()} cannot. */
    public Path rescue() throws IOException {
        Path file = Files.createTempFile("hallwatch-credentials-", ".csv");
        Credentials.write(file, new ArrayList<>(rows.values()));
        return file;
    }

    public Path path() {
        return path;
    }

    /** How many lines the file had when it was opened. */
    public int linesBefore() {
        return before;
    }

    public Map<String, List<String>> rows() {
        return Collections.unmodifiableMap(rows);
    }
}
