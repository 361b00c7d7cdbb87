package io.hallwatch.timeseries;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/**
 * Records what the rules conclude (docs/influx-schema.md): each change of a window's state, with how
 * long the previous one lasted, and each judged day of a staff member, at midnight of that day in the
 * hall's zone, so that a day judged again overwrites its point.
 */
@ApplicationScoped
public class StatePoints {

    private static final Map<String, Long> CODES = Map.of("closed", 0L, "staffed", 1L, "paused", 2L, "vacant", 3L);

    @Inject
    Recorder recorder;

    public void windowState(String hallId, String windowId, String state, String previous, Instant previousSince,
            Instant at) {
        if (!recorder.enabled()) {
            return;
        }
        double lasted = previousSince == null ? 0 : Math.max(0, Duration.between(previousSince, at).toMillis() / 1000.0);
        recorder.record(Line.of("window_state").tag("hall", hallId).tag("window", windowId).field("state", state)
                .field("code", CODES.getOrDefault(state, -1L)).field("previous", previous == null ? "" : previous)
                .field("previous_seconds", lasted).at(at));
    }

    /** One judged day: the flags of late, early, absent, missing badge-out and leave, and the minutes. */
    public record StaffDay(LocalDate date, boolean late, boolean early, boolean absent, boolean missingOut,
            boolean onLeave, int lateMinutes, int earlyMinutes) {
    }

    public void staffDay(String hallId, String staffId, ZoneId zone, StaffDay day) {
        if (!recorder.enabled()) {
            return;
        }
        recorder.record(Line.of("staff_day").tag("hall", hallId).tag("staff", staffId).field("late", day.late())
                .field("early", day.early()).field("absent", day.absent()).field("missing_out", day.missingOut())
                .field("on_leave", day.onLeave()).field("late_minutes", (double) day.lateMinutes())
                .field("early_minutes", (double) day.earlyMinutes()).at(day.date().atStartOfDay(zone).toInstant()));
    }
}
