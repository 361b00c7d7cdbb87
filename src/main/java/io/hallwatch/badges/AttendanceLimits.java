package io.hallwatch.badges;

import io.hallwatch.halls.RuleSettings;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ATTENDANCE for a staff member's year (迟到早退全年累计30次或缺勤5天, 退回原单位): when the late-or-early
 * count reaches the hall's {@code lateOrEarlyYearLimit}, or absent days reach {@code absentDaysYearLimit},
 * an order opens with the staff id as subject, for the hall managers. Each threshold is reported once
 * per year; one reached while the staff member's order is open becomes a note on it. Plain Java.
 */
public final class AttendanceLimits {

    public static final String RULE = "ATTENDANCE_LIMIT";
    static final String LATE_OR_EARLY = "LATE_OR_EARLY";
    static final String ABSENT = "ABSENT";

    private final int lateOrEarlyLimit;
    private final int absentLimit;

    /** {@code settings} with defaults filled in. */
    public AttendanceLimits(RuleSettings settings) {
        this.lateOrEarlyLimit = settings.lateOrEarlyYearLimit();
        this.absentLimit = settings.absentDaysYearLimit();
    }

    /** The commands for thresholds reached and not yet reported; {@code orderOpen}: the staff member's order is open. */
    public List<OrderCommand> check(LimitState s, YearTally tally, boolean orderOpen, Instant at) {
        List<OrderCommand> out = new ArrayList<>();
        boolean open = orderOpen;
        if (tally.lateOrEarly() >= lateOrEarlyLimit && report(s, tally.year(), LATE_OR_EARLY)) {
            out.add(command(open, tally, LATE_OR_EARLY, lateOrEarlyText(tally), at));
            open = true;
        }
        if (tally.absent() >= absentLimit && report(s, tally.year(), ABSENT)) {
            out.add(command(open, tally, ABSENT, absentText(tally), at));
        }
        return out;
    }

    private static boolean report(LimitState s, int year, String threshold) {
        String key = year + ":" + threshold;
        if (s.reported.contains(key)) {
            return false;
        }
        s.reported.add(key);
        return true;
    }

    private OrderCommand command(boolean open, YearTally tally, String threshold, Text text, Instant at) {
        Map<String, Object> details = details(tally, threshold);
        String actor = "rule:ATTENDANCE staff:" + tally.staffId();
        if (open) {
            return new Note(WorkOrderType.ATTENDANCE, tally.staffId(), at, text, details, actor);
        }
        return new Open(WorkOrderType.ATTENDANCE, tally.staffId(), at, at, WorkOrderType.ATTENDANCE.defaultSeverity(),
                text, details, actor);
    }

    private Map<String, Object> details(YearTally tally, String threshold) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("staff", tally.staffId());
        details.put("name", tally.name());
        details.put("year", tally.year());
        details.put("late", tally.late());
        details.put("early", tally.early());
        details.put("lateOrEarly", tally.lateOrEarly());
        details.put("absent", tally.absent());
        details.put("lateOrEarlyLimit", lateOrEarlyLimit);
        details.put("absentLimit", absentLimit);
        details.put(LATE_OR_EARLY.equals(threshold) ? "lateOrEarlyReached" : "absentReached", true);
        return details;
    }

    private static Text lateOrEarlyText(YearTally t) {
        return new Text(t.name() + " " + t.year() + "年迟到早退已达" + t.lateOrEarly() + "次（迟到" + t.late() + "次，早退"
                + t.early() + "次）", t.name() + ": " + t.lateOrEarly() + " late arrivals or early leaves in " + t.year()
                + " (" + t.late() + " late, " + t.early() + " early)");
    }

    private static Text absentText(YearTally t) {
        return new Text(t.name() + " " + t.year() + "年缺勤已达" + t.absent() + "天",
                t.name() + ": " + t.absent() + " days absent in " + t.year());
    }
}
