package io.hallwatch.presence;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.devices.SensorFailure;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.halls.Staff;
import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import io.hallwatch.timeseries.StatePoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs {@link WindowRule} for each window: on presence readings, on what the window's sign shows, on
 * its presence sensor failing or recovering, and on the tick.
 */
@ApplicationScoped
public class WindowRules implements RuleRunner {

    @Inject
    HallRules rules;
    @Inject
    StatePoints points;

    @Override
    public String rule() {
        return WindowRule.RULE;
    }

    public void presence(Device sensor, boolean occupied, Instant ts) {
        run(rules.lock(sensor.hallId), sensor.windowId, (rule, s) -> rule.presence(s, occupied, ts));
    }

    /**
     * What the window's sign shows; null when the sign cannot be trusted. A heartbeat of the sign that
     * says the same changes nothing for the window, so it costs no write.
     */
    public void sign(String hallId, String windowId, SignShowing showing, Instant at) {
        HallContext hall = rules.lock(hallId);
        WindowState current = rules.state(hall, rule(), windowId, WindowState.class, WindowState::new);
        if (current.evaluatedAt == null || current.showing != showing) {
            run(hall, windowId, (rule, s) -> rule.sign(s, showing, at));
        }
    }

    void onSensorFailure(@Observes SensorFailure failure) {
        run(rules.lock(failure.hallId()), failure.windowId(), (rule, s) -> rule.sensor(s, failure.failed(), failure.at()));
    }

    @Override
    public void onDue(HallContext hall, String windowId, Instant now) {
        run(hall, windowId, (rule, s) -> rule.advance(s, now));
    }

    /** The state of a window as its rule last left it, for the hall status; null if it has none. */
    public WindowState stored(String hallId, String windowId) {
        return rules.stored(hallId, rule(), windowId, WindowState.class);
    }

    private void run(HallContext hall, String windowId, BiFunction<WindowRule, WindowState, Outcome> step) {
        WindowState s = rules.state(hall, rule(), windowId, WindowState.class, WindowState::new);
        Outcome outcome = step.apply(new WindowRule(hall, windowId, () -> facts(hall.hallId(), windowId)), s);
        record(hall, windowId, s);
        rules.save(hall, rule(), windowId, s, outcome);
    }

    /** A change of the window's state, as of the instant the rule judged, goes to the boards. */
    private void record(HallContext hall, String windowId, WindowState s) {
        if (s.evaluatedAt == null) {
            return;
        }
        String state = s.state(hall.calendar().isOpen(s.evaluatedAt, windowId));
        if (state.equals(s.recordedState) || "unknown".equals(state)) {
            return;
        }
        points.windowState(hall.hallId(), windowId, state, s.recordedState, s.recordedSince, s.evaluatedAt);
        s.recordedState = state;
        s.recordedSince = s.evaluatedAt;
    }

    private static WindowFacts facts(String hallId, String windowId) {
        HallWindow window = HallWindow.find(hallId, windowId).orElse(null);
        if (window == null) {
            return new WindowFacts(windowId, windowId, null, "?", null, null, null, null);
        }
        List<Device> devices = Device.list("hallId = ?1 and windowId = ?2 and revokedAt is null", hallId, windowId);
        return new WindowFacts(windowId, window.name, window.staffA, name(window.staffA), window.staffB,
                name(window.staffB), device(devices, DeviceKind.PRESENCE), device(devices, DeviceKind.SIGNAGE));
    }

    private static String name(String staffId) {
        if (staffId == null) {
            return null;
        }
        Staff staff = Staff.findById(staffId);
        return staff == null ? staffId : staff.name;
    }

    private static String device(List<Device> devices, DeviceKind kind) {
        return devices.stream().filter(d -> d.kind == kind).map(d -> d.id).findFirst().orElse(null);
    }
}
