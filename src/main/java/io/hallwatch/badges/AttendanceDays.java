package io.hallwatch.badges;

import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.calendar.Interval;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.halls.Staff;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.HallRules;
import io.hallwatch.rules.Outcome;
import io.hallwatch.timeseries.StatePoints;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Judges staff days with {@link AttendanceRule} from the stored taps and leave, stores the finalised
 * ones, and checks the yearly limits ({@link AttendanceLimits}) whenever a stored day changes. Runs in
 * the caller's transaction, which holds the hall's lock ({@link HallRules#lock}).
 */
@ApplicationScoped
public class AttendanceDays {

    @Inject

    StatePoints points;

    @Inject
    HallRules rules;

    /** Finalises {@code date} for every staff member of the hall, at its closing time {@code at}. */
    public void finalise(HallContext hall, LocalDate date, Instant at) {
        for (Staff staff : Staff.ofHall(hall.hallId())) {
            recompute(hall, staff, date, at);
        }
    }

    /** Judges again the days in [from, to] the hall has finalised (leave recorded or removed). */
    public void recomputeFinalised(HallContext hall, Staff staff, LocalDate from, LocalDate to, Instant at) {
        for (LocalDate date : AttendanceRecord.finalisedDates(hall.hallId(), from, to)) {
            recompute(hall, staff, date, at);
        }
    }

    /** Whether the hall has finalised that day. */
    public boolean finalised(String hallId, LocalDate date) {
        return !AttendanceRecord.finalisedDates(hallId, date, date).isEmpty();
    }

    /** Judges and stores one staff day (removing it when the day is not judged), then checks the year's limits. */
    public void recompute(HallContext hall, Staff staff, LocalDate date, Instant at) {
        ZoneId zone = hall.calendar().zone();
        Optional<AttendanceDay> judged = new AttendanceRule(hall.settings())
                .judge(hall.calendar().day(date, null), taps(staff.id, date, zone), leave(staff.id, date, zone));
        AttendanceRecord row = AttendanceRecord.of(staff.id, date).orElse(null);
        if (judged.isEmpty()) {
            if (row != null) {
                row.delete();
            }
            return;
        }
        AttendanceDay day = judged.get();
        store(row, hall.hallId(), staff.id, day, at);
        points.staffDay(hall.hallId(), staff.id, zone, new StatePoints.StaffDay(day.date(), day.late(), day.leftEarly(),
                day.absent(), day.missingOut(), day.onLeave(), day.lateMinutes(), day.earlyMinutes()));
        checkLimits(hall, staff, date.getYear(), at);
    }

    /** A staff member's day as known at {@code now}, for reports; empty when the day is not judged. */
    public Optional<AttendanceDay> provisional(HallCalendar calendar, RuleSettings settings, String staffId,
            LocalDate date, Instant now) {
        ZoneId zone = calendar.zone();
        return new AttendanceRule(settings).provisional(calendar.day(date, null), taps(staffId, date, zone),
                leave(staffId, date, zone), now);
    }

    private static void store(AttendanceRecord existing, String hallId, String staffId, AttendanceDay day, Instant at) {
        AttendanceRecord row = existing == null ? new AttendanceRecord() : existing;
        row.staffId = staffId;
        row.dayDate = day.date();
        row.hallId = hallId;
        row.set(day, at);
        if (existing == null) {
            // Identity ids insert at persist, so the row must be complete first.
            row.persist();
        }
    }

    private void checkLimits(HallContext hall, Staff staff, int year, Instant at) {
        LimitState s = rules.state(hall, AttendanceLimits.RULE, staff.id, LimitState.class, LimitState::new);
        boolean open = WorkOrder.findOpen(hall.hallId(), WorkOrderType.ATTENDANCE, staff.id).isPresent();
        List<OrderCommand> commands = new AttendanceLimits(hall.settings())
                .check(s, AttendanceRecord.tally(staff, year), open, at);
        if (!commands.isEmpty()) {
            rules.save(hall, AttendanceLimits.RULE, staff.id, s, new Outcome(commands, null));
        }
    }

    private static List<Tap> taps(String staffId, LocalDate date, ZoneId zone) {
        return BadgeTap.ofStaff(staffId, date.atStartOfDay(zone).toInstant(), date.plusDays(1).atStartOfDay(zone).toInstant());
    }

    private static List<Interval> leave(String staffId, LocalDate date, ZoneId zone) {
        return StaffLeave.overlapping(staffId, date.atStartOfDay(), date.plusDays(1).atStartOfDay()).stream()
                .map(l -> l.in(zone)).filter(Objects::nonNull).toList();
    }
}
