package io.hallwatch.bridge.mqtt;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.csv.CsvReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Devices' MQTT credentials, as {@code provision} writes them and as the service writes the demo
 * hall's ({@code data/demo-devices.csv}): a CSV file with a header naming at least {@code id} and
 * {@code mqttPassword} (and optionally {@code mqttUsername}, which defaults to the id). Files are
 * written readable by their owner only.
 */
public final class Credentials {

    public static final List<String> HEADER = List.of("id", "hall", "kind", "topic", "statusTopic", "mqttUsername", "mqttPassword");

    private final Map<String, String[]> byDevice;

    private Credentials(Map<String, String[]> byDevice) {
        this.byDevice = byDevice;
    }

    public static Credentials none() {
        return new Credentials(Map.of());
    }

    public static Credentials read(Path file) throws IOException {
        warnIfOthersMayRead(file);
        CsvReader.Result csv = CsvReader.read(Files.readString(file));
        if (!csv.problems().isEmpty()) {
            throw new IOException(file + ", " + csv.problems().get(0));
        }
        if (csv.records().isEmpty()) {
            throw new IOException(file + " is empty; its first line must be a header naming id and mqttPassword");
        }
        List<String> header = csv.records().get(0).fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        int id = header.indexOf("id");
        int user = header.indexOf("mqttusername");
        int password = header.indexOf("mqttpassword");
        if (id < 0 || password < 0) {
            throw new IOException(file + ": the header must name the columns id and mqttPassword, found " + header);
        }
        Map<String, String[]> devices = new LinkedHashMap<>();
        for (CsvReader.Record record : csv.records().subList(1, csv.records().size())) {
            List<String> fields = record.fields();
            if (fields.size() <= Math.max(id, password)) {
                throw new IOException(file + ", line " + record.line() + ": expected " + header.size() + " columns");
            }
            String username = user >= 0 && fields.size() > user && !fields.get(user).isBlank() ? fields.get(user) : fields.get(id);
            devices.put(fields.get(id), new String[] {username, fields.get(password)});
        }
        return new Credentials(devices);
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)) {
                Log.warn("%s holds passwords but every user of this machine may read it: chmod 600 (or 640 for the bridge's group)", file);
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows: access lists, not modes; nothing to say here.
        }
    }

    /** Writes rows (in {@link #HEADER}'s order) to a new file readable by its owner only. */
    public static void write(Path file, List<List<String>> rows) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", HEADER));
        rows.forEach(row -> lines.add(String.join(",", row)));
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.write(file, lines);
    }

    /** The user name and password device {@code id} logs in with, if this file has it. */
    public Optional<Broker> of(String id, Broker broker) {
        String[] entry = byDevice.get(id);
        return entry == null ? Optional.empty() : Optional.of(broker.as(entry[0], entry[1]));
    }

    public Map<String, String[]> all() {
        return Collections.unmodifiableMap(byDevice);
    }

    public int size() {
        return byDevice.size();
    }
}
