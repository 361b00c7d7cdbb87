package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.hallwatch.bridge.api.ServiceApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Compares the work orders a scenario expects with those the service opened for the hall since the
 * day began, as {@code TYPE subject} lines (subjects resolved through the layout: window id, device
 * id), and prints both, with what is missing and what was not expected.
 */
final class Verifier {

    private Verifier() {
    }

    /** The scenario's expectations as {@code TYPE subject}. */
    static List<String> expected(Scenario scenario, Layout layout) {
        List<String> lines = new ArrayList<>();
        for (Scenario.Expected e : scenario.expect()) {
            lines.add(e.type() + " " + subject(e, layout));
        }
        return lines.stream().sorted().toList();
    }

    private static String subject(Scenario.Expected e, Layout layout) {
        if (e.window() != null) {
            return layout.windows().get(e.window() - 1).id();
        }
        if (e.sign() != null) {
            return layout.windows().get(e.sign() - 1).sign();
        }
        if (e.presence() != null) {
            return layout.windows().get(e.presence() - 1).presence();
        }
        if (e.bin() != null) {
            return layout.bins().get(e.bin() - 1);
        }
        throw new IllegalArgumentException("expected " + e.type() + ": name a window, sign, presence or bin");
    }

    /** The orders opened for the hall at or after {@code since}, as {@code TYPE subject}. */
    static List<String> actual(ServiceApi api, String hall, Instant since) throws IOException {
        JsonNode orders = Layout.ok(api.get("/api/work-orders?hall=" + hall + "&limit=1000"), "reading the work orders of " + hall);
        List<String> lines = new ArrayList<>();
        for (JsonNode order : orders) {
            if (!Instant.parse(order.path("openedAt").asText()).isBefore(since)) {
                lines.add(order.path("type").asText() + " " + order.path("subject").asText());
            }
        }
        return lines.stream().sorted().toList();
    }

    /** Prints the comparison; true when the two lists are equal. */
    static boolean report(List<String> expected, List<String> actual, PrintWriter out) {
        List<String> missing = new ArrayList<>(expected);
        actual.forEach(missing::remove);
        List<String> unexpected = new ArrayList<>(actual);
        expected.forEach(unexpected::remove);
        out.println("work orders expected: " + expected.size() + ", opened: " + actual.size());
        missing.forEach(line -> out.println("  missing:    " + line));
        unexpected.forEach(line -> out.println("  unexpected: " + line));
        if (missing.isEmpty() && unexpected.isEmpty()) {
            expected.forEach(line -> out.println("  as expected: " + line));
        }
        out.flush();
        return missing.isEmpty() && unexpected.isEmpty();
    }
}
