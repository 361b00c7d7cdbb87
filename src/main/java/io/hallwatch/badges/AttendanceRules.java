package io.hallwatch.badges;

import io.hallwatch.calendar.DaySchedule;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.RuleRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;

/**
 * Finalises the staff days of a hall at each closing time of an open day (rule {@value #RULE}, one
 * subject per hall: the hall id, due at the next closing), and keeps the window coverage checks of its
 * windows going. A hall's attendance rules start at its first badge tap, its first leave, or the
 * periodic start-up sweep ({@link AttendanceStarter}); days closing before that are not judged.
 */
@ApplicationScoped
public class AttendanceRules implements RuleRunner {

    public static final String RULE = "ATTENDANCE";

    @Inject
    HallRules rules;
    @Inject
    AttendanceDays days;
    @Inject
    CoverageRules coverage;

    @Override
    public String rule() {
        return RULE;
    }

    @Override
    public void onDue(HallContext hall, String subject, Instant now) {
        advance(hall, rules.state(hall, RULE, hall.hallId(), AttendanceState.class, AttendanceState::new), now);
        coverage.ensure(hall, now);
    }

    /**
     * Starts the hall's attendance rules and its windows' coverage checks if they have not started.
     * Cheap once started (called on every tap): windows added later join at the hall's next closing.
     */
    public void ensure(HallContext hall, Instant now) {
        if (rules.state(hall, RULE, hall.hallId(), AttendanceState.class, () -> null) == null) {
            advance(hall, new AttendanceState(), now);
            coverage.ensure(hall, now);
        }
    }

    private void advance(HallContext hall, AttendanceState s, Instant now) {
        DailyTimer closings = new DailyTimer(hall.calendar(), null, AttendanceRules::closing);
        DailyTimer.Position position = closings.walk(s.checkedThrough == null ? now : s.checkedThrough, now,
                (day, at) -> days.finalise(hall, day.date(), at));
        s.checkedThrough = position.checkedThrough();
        rules.save(hall, RULE, hall.hallId(), s, new Outcome(List.of(), position.due()));
    }

    private static Instant closing(DaySchedule day) {
        return day.closesAt().orElseThrow();
    }
}
