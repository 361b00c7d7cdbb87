package io.hallwatch.devices;

import io.hallwatch.halls.HallWindow;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs {@link DeviceHealthRule} for every device: on each reading and status message, and on the tick
 * when a device may have fallen silent. Tells the window rules when a presence sensor fails or recovers.
 */
@ApplicationScoped
public class DeviceHealthRules implements RuleRunner {

    @Inject
    HallRules rules;
    @Inject
    Event<SensorFailure> failures;

    @Override
    public boolean keyedByDevice() {
        return true;
    }

    @Override
    public String rule() {
        return DeviceHealthRule.RULE;
    }

    public void reading(Device device, DeviceMessage.Reading reading) {
        run(device, device.seenBefore, true,
                (rule, s) -> rule.reading(s, reading.battery(), reading.ts(), device.lastSeen));
    }

    public void status(Device device, boolean online, Instant at) {
        run(device, device.seenBefore, true, (rule, s) -> rule.status(s, online, at));
    }

    @Override
    public void onDue(HallContext hall, String subject, Instant now) {
        Device device = Device.findById(subject);
        if (device == null || !device.isActive()) {
            rules.forget(hall, rule(), subject);
            return;
        }
        run(device, device.lastSeen, false, (rule, s) -> rule.advance(s, now));
    }

    /**
     * Runs a step on the device's state, first caught up with {@code seen}: when the device was last heard
     * before this step, which the stored state may be behind (routine messages are not stored). A step of
     * the tick ({@code message} false) is always stored: it moves the state's due instant.
     */
    private void run(Device device, Instant seen, boolean message,
            BiFunction<DeviceHealthRule, DeviceHealthState, Outcome> step) {
        HallContext hall = rules.lock(device.hallId);
        DeviceHealthState s = rules.state(hall, rule(), device.id, DeviceHealthState.class, DeviceHealthState::new);
        s.heardBy(seen);
        boolean failedBefore = DeviceHealthRule.failed(s);
        List<Object> kept = s.kept();
        Outcome outcome = step.apply(new DeviceHealthRule(hall, device, () -> place(device)), s);
        rules.saveLiveness(hall, rule(), device.id, s, message ? kept : null, outcome);
        boolean failedAfter = DeviceHealthRule.failed(s);
        if (device.kind == DeviceKind.PRESENCE && failedBefore != failedAfter) {
            failures.fire(new SensorFailure(device.hallId, device.windowId, device.id, failedAfter, s.evaluatedAt));
        }
    }

    /** Where the device is, for people: its window's name, or its zone. */
    static String place(Device device) {
        if (device.windowId == null) {
            return device.zone == null ? device.id : device.zone;
        }
        return HallWindow.nameOf(device.hallId, device.windowId);
    }
}
