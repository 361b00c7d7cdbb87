import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's fleet: devices {@code bench-d1..N} spread over halls {@code bench-h1..H}, consecutive
 * devices sharing a hall (as firmware-bridge load's made-up fleet), in every hall the same mix: of
 * each 20 devices 8 presence sensors, 5 signs, 6 bins and 1 badge reader. Presence sensor k of a
 * hall watches window Wk, sign k shows at window Wk, so a hall has as many windows as presence
 * sensors; each window's A staff member is {@code <hall>-<window>}. Written as the CSV
 * {@code id,hall,kind,window,zone} that the service's import, the SQL seed and load all read.
 */
final class Fleet {

    static final String PREFIX = "bench";

    record Device(String id, String hall, String kind, String window, String zone) {
    }

    record Window(String hall, String id, String staff) {
    }

    private Fleet() {
    }

    static List<Device> of(int devices, int halls) {
        if (halls < 1 || devices < halls) {
            throw new IllegalArgumentException("--halls must be between 1 and the number of devices");
        }
        List<Device> fleet = new ArrayList<>(devices);
        String hall = null;
        int j = 0;
        for (int n = 1; n <= devices; n++) {
            String h = PREFIX + "-h" + ((long) (n - 1) * halls / devices + 1);
            j = h.equals(hall) ? j + 1 : 1;
            hall = h;
            fleet.add(device(PREFIX + "-d" + n, h, j));
        }
        return fleet;
    }

    /** Device {@code j} (from 1) of its hall. */
    private static Device device(String id, String hall, int j) {
        int slot = (j - 1) % 20;
        int group = (j - 1) / 20;
        if (slot < 8) {
            return new Device(id, hall, "presence", "W" + (group * 8 + slot + 1), null);
        }
        if (slot < 13) {
            return new Device(id, hall, "signage", "W" + (group * 5 + slot - 8 + 1), null);
        }
        return new Device(id, hall, slot < 19 ? "bin" : "badge", null, "lobby");
    }

    static List<String> halls(List<Device> fleet) {
        return fleet.stream().map(Device::hall).distinct().toList();
    }

    static List<Window> windows(List<Device> fleet) {
        Map<String, Window> windows = new LinkedHashMap<>();
        for (Device d : fleet) {
            if (d.window() != null) {
                String staff = d.hall() + "-" + d.window();
                windows.putIfAbsent(d.hall() + "/" + d.window(), new Window(d.hall(), d.window(), staff));
            }
        }
        return List.copyOf(windows.values());
    }

    static void write(List<Device> fleet, Path csv) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
            out.println("id,hall,kind,window,zone");
            for (Device d : fleet) {
                out.println(line(d));
            }
        }
    }

    static String line(Device d) {
        return String.join(",", d.id(), d.hall(), d.kind(), d.window() == null ? "" : d.window(),
                d.zone() == null ? "" : d.zone());
    }

    /** The reading topic of a device (contract section 1). */
    static String topic(Device d) {
        return "hallwatch/v1/" + d.hall() + "/" + d.kind() + "/" + d.id();
    }
}
