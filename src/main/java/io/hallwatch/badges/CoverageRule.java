package io.hallwatch.badges;

import io.hallwatch.calendar.DaySchedule;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.Times;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * ATTENDANCE for a window nobody can staff (AB角): at each open day's opening time of the window plus
 * the late grace, a window whose A and B (B optional) have both not badged in that day, whatever the
 * reason (absent or on leave), opens an order with the window id as subject, for the hall managers.
 * A or B badging in resolves it. A check whose day has already closed (the service was down) is
 * skipped. Days of an always-open window are not checked. Plain Java.
 */
public final class CoverageRule {

    public static final String RULE = "ATTENDANCE_WINDOW";
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final HallContext hall;
    private final String windowId;
    private final Supplier<CoverageFacts> facts;
    private final Predicate<LocalDate> anyoneIn;

    /** {@code anyoneIn}: whether A or B has a badge-in on that date (hall time zone). */
    public CoverageRule(HallContext hall, String windowId, Supplier<CoverageFacts> facts, Predicate<LocalDate> anyoneIn) {
        this.hall = hall;
        this.windowId = windowId;
        this.facts = facts;
        this.anyoneIn = anyoneIn;
    }

    /** Runs the checks due by {@code now}; a new state starts checking from {@code now}. */
    public Outcome advance(CoverageState s, Instant now) {
        List<OrderCommand> out = new ArrayList<>();
        DailyTimer timer = new DailyTimer(hall.calendar(), windowId, this::checkAt);
        DailyTimer.Position position = timer.walk(s.checkedThrough == null ? now : s.checkedThrough, now,
                (day, at) -> check(s, day, at, now, out));
        s.checkedThrough = position.checkedThrough();
        s.nextCheck = position.due();
        return new Outcome(out, s.nextCheck);
    }

    /** A staff member badged in at {@code ts}: resolves the open order if they are A or B. */
    public Outcome badgedIn(CoverageState s, String staffId, Instant ts) {
        if (!s.open || s.openedAt == null || date(ts).isBefore(date(s.openedAt))) {
            return new Outcome(List.of(), s.nextCheck);
        }
        CoverageFacts f = facts.get();
        if (!f.covers(staffId)) {
            return new Outcome(List.of(), s.nextCheck);
        }
        s.open = false;
        String name = f.nameOf(staffId);
        String time = HH_MM.format(ts.atZone(hall.calendar().zone()));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("badgedIn", staffId);
        evidence.put("badgedInAt", ts.toString());
        Text reason = new Text(name + "已到岗（" + time + "）", name + " badged in at " + time);
        return new Outcome(List.of(new Resolve(WorkOrderType.ATTENDANCE, windowId, Times.latest(ts, s.openedAt), reason,
                evidence, actor())), s.nextCheck);
    }

    private void check(CoverageState s, DaySchedule day, Instant at, Instant now, List<OrderCommand> out) {
        if (Times.reached(day.closesAt().orElse(null), now) || anyoneIn.test(day.date())) {
            return;
        }
        CoverageFacts f = facts.get();
        s.open = true;
        s.openedAt = at;
        out.add(new Open(WorkOrderType.ATTENDANCE, windowId, at, day.opensAt().orElse(at),
                WorkOrderType.ATTENDANCE.defaultSeverity(), summary(f), details(f, day, at), actor()));
    }

    private Instant checkAt(DaySchedule day) {
        return day.opensAt().orElseThrow().plusSeconds(hall.settings().lateGraceSeconds());
    }

    private LocalDate date(Instant t) {
        return LocalDate.ofInstant(t, hall.calendar().zone());
    }

    private static Text summary(CoverageFacts f) {
        if (f.staffB() == null) {
            return new Text(f.windowName() + " A岗" + f.nameA() + "未到岗（未设B岗），窗口无人可值守",
                    "Window " + f.windowName() + ": A (" + f.nameA() + ") has not badged in and there is no B;"
                            + " nobody can staff the window");
        }
        return new Text(f.windowName() + " A岗" + f.nameA() + "、B岗" + f.nameB() + "均未到岗，窗口无人可值守",
                "Window " + f.windowName() + ": neither A (" + f.nameA() + ") nor B (" + f.nameB()
                        + ") has badged in; nobody can staff the window");
    }

    private static Map<String, Object> details(CoverageFacts f, DaySchedule day, Instant at) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("window", f.windowId());
        details.put("date", day.date().toString());
        details.put("staffA", f.staffA());
        details.put("nameA", f.nameA());
        details.put("staffB", f.staffB());
        details.put("nameB", f.nameB());
        details.put("checkedAt", at.toString());
        return details;
    }

    private String actor() {
        return "rule:ATTENDANCE window:" + windowId;
    }
}
