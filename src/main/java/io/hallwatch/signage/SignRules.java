package io.hallwatch.signage;

import io.hallwatch.devices.Device;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.presence.WindowRules;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * Runs {@link SignRule} for each sign, on its readings, its status and the tick, and tells its
 * window's rule what the sign shows whenever that can be trusted, or that it cannot.
 */
@ApplicationScoped
public class SignRules implements RuleRunner {

    @Inject
    HallRules rules;
    @Inject
    WindowRules windows;

    @Override
    public boolean keyedByDevice() {
        return true;
    }

    @Override
    public String rule() {
        return SignRule.RULE;
    }

    public void reading(Device sign, DeviceMessage.Reading reading, DeviceMessage.Signage observed) {
        run(rules.lock(sign.hallId), sign, (rule, s) -> rule.reading(s, observed.state(), observed.showing(),
                observed.code(), reading.ts(), sign.lastSeen));
    }

    public void status(Device sign, boolean online, Instant at) {
        run(rules.lock(sign.hallId), sign, (rule, s) -> rule.status(s, online, at));
    }

    @Override
    public void onDue(HallContext hall, String subject, Instant now) {
        Device sign = Device.findById(subject);
        if (sign == null || !sign.isActive()) {
            rules.forget(hall, rule(), subject);
            return;
        }
        run(hall, sign, (rule, s) -> rule.advance(s, now));
    }

    private void run(HallContext hall, Device sign, BiFunction<SignRule, SignDeviceState, Outcome> step) {
        SignDeviceState s = rules.state(hall, rule(), sign.id, SignDeviceState.class, SignDeviceState::new);
        SignRule rule = new SignRule(hall, sign.id, sign.windowId, () -> HallWindow.nameOf(sign.hallId, sign.windowId));
        Outcome outcome = step.apply(rule, s);
        rules.save(hall, rule(), sign.id, s, outcome);
        windows.sign(sign.hallId, sign.windowId, rule.trustedShowing(s, s.evaluatedAt), s.evaluatedAt);
    }
}
