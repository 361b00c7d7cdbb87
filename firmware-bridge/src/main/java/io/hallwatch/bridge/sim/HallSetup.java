package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.api.ServiceApi;
import io.hallwatch.bridge.contract.Contract;
import io.hallwatch.bridge.contract.Kind;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Creates a scenario's hall through the service's REST API when it does not exist yet: the hall,
 * an A and a B staff member per window (cards {@code <HALL>-A01}...), the windows, a presence sensor
 * and a sign per window, the bins and the badge readers (ids {@code <hall>-presence-1}... as in the
 * demo hall). The devices' passwords, shown only once, are written to the credentials file.
 */
final class HallSetup {

    private final ServiceApi api;

    HallSetup(ServiceApi api) {
        this.api = api;
    }

    /** True when the hall was created now; false when it already existed. */
    boolean ensure(String hall, Scenario.Setup setup, Path credentials) throws IOException {
        if (hall.length() > 50) {
            throw new IllegalArgumentException("--hall: a simulated hall's id has at most 50 characters, so its devices' ids fit");
        }
        ServiceApi.Reply existing = api.get("/api/halls/" + hall);
        if (existing.ok()) {
            return false;
        }
        if (existing.status() != 404) {
            throw new IllegalStateException("reading hall " + hall + ": " + existing.problem());
        }
        Log.info("creating hall %s with %d windows", hall, setup.windows());
        created(api.post("/api/halls", hall(hall, setup)), "creating hall " + hall);
        for (int n = 1; n <= setup.windows(); n++) {
            window(hall, n);
        }
        JsonNode report = Layout.ok(api.postText("/api/devices/import", "text/csv", devicesCsv(hall, setup)),
                "provisioning the devices of " + hall);
        if (report.path("failed").asInt() > 0) {
            throw new IllegalStateException("provisioning the devices of " + hall + ": " + report.path("results"));
        }
        Credentials.write(credentials, rows(hall, report));
        Log.info("created hall %s; its devices' credentials are in %s", hall, credentials);
        return true;
    }

    private static Map<String, Object> hall(String hall, Scenario.Setup setup) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hall);
        body.put("name", setup.name());
        body.put("timezone", setup.timezone());
        body.put("language", setup.language() == null ? "zh" : setup.language());
        if (setup.openingHours() != null) {
            body.put("openingHours", setup.openingHours());
        }
        return body;
    }

    private void window(String hall, int n) throws IOException {
        String number = String.format(Locale.ROOT, "%02d", n);
        for (String role : List.of("A", "B")) {
            created(api.post("/api/staff", Map.of("id", staffId(hall, role, number), "name", "窗口" + n + " " + role + "岗",
                    "hall", hall, "card", hall.toUpperCase(Locale.ROOT) + "-" + role + number)), "creating staff");
        }
        created(api.post("/api/halls/" + hall + "/windows", Map.of("id", "W" + number,
                "name", n + "号窗口 Window " + n, "staffA", staffId(hall, "A", number),
                "staffB", staffId(hall, "B", number))), "creating window W" + number);
    }

    private static String staffId(String hall, String role, String number) {
        return hall + "-" + role + number;
    }

    private static String devicesCsv(String hall, Scenario.Setup setup) {
        StringBuilder csv = new StringBuilder("id,hall,kind,window,zone\n");
        for (int n = 1; n <= setup.windows(); n++) {
            String window = String.format(Locale.ROOT, "W%02d", n);
            csv.append(hall).append("-presence-").append(n).append(',').append(hall).append(",presence,").append(window).append(",\n");
            csv.append(hall).append("-sign-").append(n).append(',').append(hall).append(",signage,").append(window).append(",\n");
        }
        zoned(csv, hall, "bin", setup.bins());
        zoned(csv, hall, "badge", setup.badgeReaders());
        return csv.toString();
    }

    private static void zoned(StringBuilder csv, String hall, String kind, List<String> zones) {
        for (int n = 1; n <= zones.size(); n++) {
            csv.append(hall).append('-').append(kind).append('-').append(n).append(',').append(hall).append(',')
                    .append(kind).append(",,\"").append(zones.get(n - 1).replace("\"", "\"\"")).append("\"\n");
        }
    }

    private static List<List<String>> rows(String hall, JsonNode report) {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : report.path("results")) {
            String id = row.path("id").asText();
            Kind kind = Kind.parse(id.substring(hall.length() + 1, id.lastIndexOf('-')).replace("sign", "signage"));
            rows.add(List.of(id, hall, kind.wire(), Contract.reading(hall, kind, id), Contract.status(hall, id),
                    row.path("mqttUsername").asText(), row.path("mqttPassword").asText()));
        }
        return rows;
    }

    private static void created(ServiceApi.Reply reply, String doing) {
        if (reply.status() != 201) {
            throw new IllegalStateException(doing + ": " + reply.problem());
        }
    }
}
