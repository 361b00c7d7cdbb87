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
import java.util.List;
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
        run(rules.lock(sign.hallId), sign, sign.seenBefore, true, (rule, s) -> rule.reading(s, observed.state(),
                observed.showing(), observed.code(), reading.ts(), sign.lastSeen));
    }

    public void status(Device sign, boolean online, Instant at) {
        run(rules.lock(sign.hallId), sign, sign.seenBefore, true, (rule, s) -> rule.status(s, online, at));
    }

    @Override
    public void onDue(HallContext hall, String subject, Instant now) {
        Device sign = Device.findById(subject);
        if (sign == null || !sign.isActive()) {
            rules.forget(hall, rule(), subject);
            return;
        }
        run(hall, sign, sign.lastSeen, false, (rule, s) -> rule.advance(s, now));
    }

    /**
     * Runs a step on the sign's state, first caught up with when it was last heard before ({@code seen});
     * a step of the tick ({@code message} false) is always stored.
     */
    private void run(HallContext hall, Device sign, Instant seen, boolean message,
            BiFunction<SignRule, SignDeviceState, Outcome> step) {
        SignDeviceState s = rules.state(hall, rule(), sign.id, SignDeviceState.class, SignDeviceState::new);
        s.heardBy(seen);
        SignRule rule = new SignRule(hall, sign.id, sign.windowId, () -> HallWindow.nameOf(sign.hallId, sign.windowId));
        List<Object> kept = s.kept();
        Outcome outcome = step.apply(rule, s);
        rules.saveLiveness(hall, rule(), sign.id, s, message ? kept : null, outcome);
        windows.sign(sign.hallId, sign.windowId, rule.trustedShowing(s, s.evaluatedAt), s.evaluatedAt);
    }
}
