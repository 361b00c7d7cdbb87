package io.hallwatch.bins;

import io.hallwatch.devices.Device;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.function.BiFunction;

/** Runs {@link BinRule} for each bin, on its fill readings and on the tick (hall opening, closing time). */
@ApplicationScoped
public class BinRules implements RuleRunner {

    @Inject
    HallRules rules;

    @Override
    public boolean keyedByDevice() {
        return true;
    }

    @Override
    public String rule() {
        return BinRule.RULE;
    }

    public void fill(Device bin, double fill, Instant ts) {
        run(rules.lock(bin.hallId), bin, (rule, s) -> rule.reading(s, fill, ts));
    }

    @Override
    public void onDue(HallContext hall, String subject, Instant now) {
        Device bin = Device.findById(subject);
        if (bin == null || !bin.isActive()) {
            rules.forget(hall, rule(), subject);
            return;
        }
        run(hall, bin, (rule, s) -> rule.advance(s, now));
    }

    /** The bin's fill rate and when it will be full, for the hall status; null when not known yet. */
    public FillEstimate estimate(HallContext hall, Device bin) {
        BinState s = rules.stored(bin.hallId, rule(), bin.id, BinState.class);
        return s == null ? null : new BinRule(hall, bin.id, bin.zone).estimate(s);
    }

    private void run(HallContext hall, Device bin, BiFunction<BinRule, BinState, Outcome> step) {
        BinState s = rules.state(hall, rule(), bin.id, BinState.class, BinState::new);
        Outcome outcome = step.apply(new BinRule(hall, bin.id, bin.zone), s);
        rules.save(hall, rule(), bin.id, s, outcome);
    }
}
