package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.api.ServiceApi;
import io.hallwatch.bridge.contract.Kind;
import java.io.IOException;
import java.math.BigInteger;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A hall as the simulator plays it, read from the service's REST API: its zone and whether it is
 * always open, its windows in id order (with the A and B staff's cards and the window's presence
 * sensor and sign), its bins and its badge readers.
 */
public record Layout(String hall, ZoneId zone, boolean alwaysOpen, List<Window> windows, List<String> bins,
        List<String> badgeReaders) {

    private static final Pattern CHUNK = Pattern.compile("\\d+|\\D+");

    /** A window; a device or card is null when the hall has none. */
    public record Window(String id, String cardA, String cardB, String presence, String sign) {
    }

    /** Ids in the order people count them: W2 before W10, bin-2 before bin-10. */
    static final Comparator<String> NATURAL = Layout::compareNaturally;

    public static Layout read(ServiceApi api, String hall) throws IOException {
        JsonNode view = ok(api.get("/api/halls/" + hall), "reading hall " + hall);
        Map<String, String> cards = new HashMap<>();
        for (JsonNode staff : ok(api.get("/api/staff?hall=" + hall), "reading the staff of " + hall)) {
            cards.put(staff.path("id").asText(), staff.path("card").isTextual() ? staff.path("card").asText() : null);
        }
        List<JsonNode> devices = new ArrayList<>();
        ok(api.get("/api/devices?hall=" + hall), "reading the devices of " + hall).forEach(devices::add);
        devices.sort(Comparator.comparing(d -> d.path("id").asText(), NATURAL));
        List<Window> windows = new ArrayList<>();
        for (JsonNode window : ok(api.get("/api/halls/" + hall + "/windows"), "reading the windows of " + hall)) {
            String id = window.path("id").asText();
            windows.add(new Window(id, cards.get(window.path("staffA").asText()), cards.get(window.path("staffB").asText(null)),
                    device(devices, Kind.PRESENCE, id), device(devices, Kind.SIGNAGE, id)));
        }
        windows.sort(Comparator.comparing(Window::id, NATURAL));
        return new Layout(hall, ZoneId.of(view.path("timezone").asText()),
                view.path("openingHours").path("alwaysOpen").asBoolean(false), List.copyOf(windows),
                ofKind(devices, Kind.BIN), ofKind(devices, Kind.BADGE));
    }

    private static String device(List<JsonNode> devices, Kind kind, String window) {
        return devices.stream().filter(d -> kind.wire().equalsIgnoreCase(d.path("kind").asText()))
                .filter(d -> window.equals(d.path("window").asText(null)))
                .map(d -> d.path("id").asText()).findFirst().orElse(null);
    }

    private static List<String> ofKind(List<JsonNode> devices, Kind kind) {
        return devices.stream().filter(d -> kind.wire().equalsIgnoreCase(d.path("kind").asText()))
                .map(d -> d.path("id").asText()).toList();
    }

    private static int compareNaturally(String a, String b) {
        Matcher left = CHUNK.matcher(a);
        Matcher right = CHUNK.matcher(b);
        while (left.find() && right.find()) {
            String x = left.group();
            String y = right.group();
            int order = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new BigInteger(x).compareTo(new BigInteger(y)) : x.compareTo(y);
            if (order != 0) {
                return order;
            }
        }
        return a.compareTo(b);
    }

    /** Whether the hall has the windows and bins the scenario names; an exception saying what is missing. */
    void check(Scenario scenario) {
        List<String> problems = new ArrayList<>();
        for (Scenario.Incident incident : scenario.incidents()) {
            if (incident.offPost() != null) {
                within(problems, "window", incident.offPost().window(), windows.size());
            }
            if (incident.signFault() != null) {
                within(problems, "sign", incident.signFault().sign(), windows.size());
            }
            if (incident.sensorDies() != null && incident.sensorDies().presence() != null) {
                within(problems, "presence sensor", incident.sensorDies().presence(), windows.size());
            }
            if (incident.sensorDies() != null && incident.sensorDies().bin() != null) {
                within(problems, "bin", incident.sensorDies().bin(), bins.size());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario " + scenario.name() + " does not fit hall " + hall + " ("
                    + windows.size() + " windows, " + bins.size() + " bins): it names " + String.join(", ", problems));
        }
    }

    private static void within(List<String> problems, String what, int position, int count) {
        if (position > count) {
            problems.add(what + " " + position);
        }
    }

    static JsonNode ok(ServiceApi.Reply reply, String doing) {
        if (!reply.ok()) {
            throw new IllegalStateException(doing + ": " + reply.problem());
        }
        return reply.body();
    }

    /** Every device the simulator publishes for. */
    public List<String> devices() {
        List<String> all = new ArrayList<>();
        for (Window window : windows) {
            if (window.presence() != null) {
                all.add(window.presence());
            }
            if (window.sign() != null) {
                all.add(window.sign());
            }
        }
        all.addAll(bins);
        all.addAll(badgeReaders);
        return all;
    }
}
