package io.hallwatch.badges;

import io.hallwatch.halls.HallWindow;
import io.hallwatch.halls.Staff;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs {@link CoverageRule} for each window (rule {@value CoverageRule#RULE}, subject the window id): on
 * the tick at each check time, and when the window's A or B badges in.
 */
@ApplicationScoped
public class CoverageRules implements RuleRunner {

    @Inject
    HallRules rules;

    @Override
    public String rule() {
        return CoverageRule.RULE;
    }

    @Override
    public void onDue(HallContext hall, String windowId, Instant now) {
        HallWindow window = HallWindow.find(hall.hallId(), windowId).orElse(null);
        if (window == null) {
            rules.forget(hall, rule(), windowId);
            return;
        }
        run(hall, window, (rule, s) -> rule.advance(s, now));
    }

    /** Starts the check of each window of the hall that has none yet, from {@code now}. */
    public void ensure(HallContext hall, Instant now) {
        for (HallWindow window : HallWindow.ofHall(hall.hallId())) {
            if (rules.state(hall, rule(), window.windowId, CoverageState.class, () -> null) == null) {
                run(hall, window, (rule, s) -> rule.advance(s, now));
            }
        }
    }

    /** A staff member of the hall badged in: resolves the open order of a window they are A or B of. */
    public void badgedIn(HallContext hall, String staffId, Instant ts) {
        List<HallWindow> windows = HallWindow.list("hallId = ?1 and (staffA = ?2 or staffB = ?2)", hall.hallId(), staffId);
        for (HallWindow window : windows) {
            CoverageState current = rules.state(hall, rule(), window.windowId, CoverageState.class, () -> null);
            if (current != null && current.open) {
                run(hall, window, (rule, s) -> rule.badgedIn(s, staffId, ts));
            }
        }
    }

    private void run(HallContext hall, HallWindow window, BiFunction<CoverageRule, CoverageState, Outcome> step) {
        CoverageState s = rules.state(hall, rule(), window.windowId, CoverageState.class, CoverageState::new);
        CoverageRule rule = new CoverageRule(hall, window.windowId, () -> facts(window),
                date -> anyoneIn(window, date, hall.calendar().zone()));
        rules.save(hall, rule(), window.windowId, s, step.apply(rule, s));
    }

    private static CoverageFacts facts(HallWindow window) {
        return new CoverageFacts(window.windowId, window.name, window.staffA, name(window.staffA), window.staffB,
                name(window.staffB));
    }

    private static boolean anyoneIn(HallWindow window, LocalDate date, ZoneId zone) {
        List<String> staff = new ArrayList<>();
        if (window.staffA != null) {
            staff.add(window.staffA);
        }
        if (window.staffB != null) {
            staff.add(window.staffB);
        }
        return BadgeTap.anyIn(staff, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static String name(String staffId) {
        if (staffId == null) {
            return null;
        }
        Staff staff = Staff.findById(staffId);
        return staff == null ? staffId : staff.name;
    }
}
