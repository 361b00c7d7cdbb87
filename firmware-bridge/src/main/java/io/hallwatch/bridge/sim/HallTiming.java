package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.api.ServiceApi;
import java.io.IOException;
import java.util.List;

/**
 * Makes a hall's rules follow a day played in real time: while the simulation runs, the hall is
 * always open (a compressed day cannot follow its calendar) and every rule duration is divided by
 * the speed (at 60x, the 15-minute off-post grace becomes 15 seconds). {@link #restore()} puts the
 * hall's settings back as they were; the simulator calls it when it ends or is stopped.
 */
final class HallTiming {

    static final List<String> DURATIONS = List.of("offPostGraceSeconds", "maxPauseSeconds", "returnDebounceSeconds",
            "signageHeartbeatSeconds", "signMismatchSeconds", "sensorSilenceSeconds", "lateGraceSeconds",
            "earlyLeaveGraceSeconds", "reopenWindowSeconds");
    private static final List<String> MAY_BE_ZERO = List.of("returnDebounceSeconds", "lateGraceSeconds",
            "earlyLeaveGraceSeconds", "reopenWindowSeconds");

    private final ServiceApi api;
    private final String hall;
    private JsonNode original;

    HallTiming(ServiceApi api, String hall) {
        this.api = api;
        this.hall = hall;
    }

    void adjust(double speed) throws IOException {
        original = Layout.ok(api.get("/api/halls/" + hall), "reading hall " + hall);
        ObjectNode settings = original.deepCopy();
        settings.remove("id");
        settings.putObject("openingHours").put("alwaysOpen", true);
        ObjectNode rules = (ObjectNode) settings.get("rules");
        for (String name : DURATIONS) {
            long scaled = Math.round(rules.path(name).asDouble() / speed);
            rules.put(name, Math.max(MAY_BE_ZERO.contains(name) ? 0 : 1, scaled));
        }
        Layout.ok(api.put("/api/halls/" + hall, settings), "adjusting hall " + hall + " for the simulation");
        Log.info("hall %s is always open and its rule times are %sx shorter while the simulation runs", hall, speed);
    }

    synchronized void restore() {
        if (original == null) {
            return;
        }
        ObjectNode settings = original.deepCopy();
        settings.remove("id");
        try {
            Layout.ok(api.put("/api/halls/" + hall, settings), "restoring hall " + hall);
            Log.info("hall %s has its own opening hours and rule times again", hall);
            original = null;
        } catch (IOException | IllegalStateException e) {
            Log.warn("could not restore hall %s's settings (%s); they were: %s", hall, e.getMessage(), original);
        }
    }
}
