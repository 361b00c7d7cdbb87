package io.hallwatch.presence;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import io.hallwatch.rules.Times;
import io.hallwatch.workorders.OrderCommand;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.Text;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * OFF_POST and SIGN_MISMATCH for one window (不得擅自离岗; a short leave is covered by the B role
 * sitting in, or announced with a "暂停服务" sign). Plain Java: the state comes in, is changed in place,
 * and the work-order commands and the next due instant come out.
 * <ul>
 * <li>Vacant for the off-post grace of open time (paused sign: the longest pause) opens OFF_POST; a
 * return counts once the window stays occupied for the debounce, and resolves it with the off-post
 * duration in open time. Suspended while the presence sensor has failed.</li>
 * <li>The sign showing {@code open} while the window is closed, or {@code paused}/{@code closed} while
 * it is occupied during opening hours, for the mismatch grace, opens SIGN_MISMATCH until it agrees.</li>
 * </ul>
 * Judgement only moves forward: an input older than the latest judged instant counts as of that instant.
 */
public final class WindowRule {

    public static final String RULE = "WINDOW";
    /** Calendar changes judged one by one when catching up; beyond that the rule jumps to the present. */
    private static final int MAX_CATCH_UP_STEPS = 64;

    private final HallContext hall;
    private final String windowId;
    private final Supplier<WindowFacts> facts;

    public WindowRule(HallContext hall, String windowId, Supplier<WindowFacts> facts) {
        this.hall = hall;
        this.windowId = windowId;
        this.facts = facts;
    }

    public Outcome presence(WindowState s, boolean occupied, Instant ts) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = catchUp(s, ts, out);
        s.occupied = occupied;
        if (!occupied) {
            s.returnSince = null;
            s.vacantSince = s.vacantSince == null ? t : s.vacantSince;
        } else if (s.vacantSince != null && s.returnSince == null) {
            s.returnSince = t;
        }
        return judge(s, t, out);
    }

    /** What the sign shows now; null when it cannot be trusted (faulty, blank or offline). */
    public Outcome sign(WindowState s, SignShowing showing, Instant ts) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = catchUp(s, ts, out);
        if (showing != s.showing) {
            s.showing = showing;
            s.showingSince = t;
        }
        return judge(s, t, out);
    }

    /**
     * The presence sensor failed or came back. After a failure the rule cannot know what happened, so
     * a vacancy that had not become an order starts again from the recovery.
     */
    public Outcome sensor(WindowState s, boolean failed, Instant at) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = catchUp(s, at, out);
        if (s.sensorFailed && !failed && s.vacantSince != null && !s.offPostOpen) {
            s.vacantSince = t;
        }
        s.sensorFailed = failed;
        return judge(s, t, out);
    }

    /** Judges the window at {@code now} without new input (the scheduler tick). */
    public Outcome advance(WindowState s, Instant now) {
        List<OrderCommand> out = new ArrayList<>();
        return judge(s, catchUp(s, now, out), out);
    }

    /** Judges every calendar change between the last judged instant and {@code ts}, then returns the instant to judge. */
    private Instant catchUp(WindowState s, Instant ts, List<OrderCommand> out) {
        Instant t = Times.latest(ts, s.evaluatedAt);
        Instant from = s.evaluatedAt;
        for (int step = 0; from != null && step < MAX_CATCH_UP_STEPS; step++) {
            Instant change = hall.calendar().nextChange(from, windowId).orElse(null);
            if (change == null || !change.isBefore(t)) {
                break;
            }
            evaluate(s, change, out);
            from = change;
        }
        evaluate(s, t, out);
        return t;
    }

    private Outcome judge(WindowState s, Instant t, List<OrderCommand> out) {
        evaluate(s, t, out);
        return new Outcome(out, due(s));
    }

    private void evaluate(WindowState s, Instant t, List<OrderCommand> out) {
        s.evaluatedAt = t;
        evaluateOffPost(s, t, out);
        evaluateMismatch(s, t, out);
    }

    private void evaluateOffPost(WindowState s, Instant t, List<OrderCommand> out) {
        Instant confirmedAt = s.returnSince == null ? null : s.returnSince.plus(debounce());
        boolean returned = Times.reached(confirmedAt, t);
        if (s.vacantSince != null && !s.sensorFailed && !s.offPostOpen) {
            Instant due = offPostDue(s);
            if (Times.reached(due, returned ? s.returnSince : t)) {
                s.offPostOpen = true;
                out.add(openOffPost(s, Times.latest(due, s.showingSince)));
            }
        }
        if (returned) {
            if (s.offPostOpen) {
                s.offPostOpen = false;
                out.add(resolveOffPost(s, confirmedAt));
            }
            s.vacantSince = null;
            s.returnSince = null;
        }
    }

    private void evaluateMismatch(WindowState s, Instant t, List<OrderCommand> out) {
        if (!mismatch(s, t)) {
            s.mismatchSince = null;
            if (s.mismatchOpen) {
                s.mismatchOpen = false;
                out.add(new Resolve(WorkOrderType.SIGN_MISMATCH, windowId, t,
                        new Text("标识牌与窗口状态一致", "The sign agrees with the window again"),
                        Map.of("agreedAt", t.toString()), actor("SIGN_MISMATCH")));
            }
            return;
        }
        s.mismatchSince = s.mismatchSince == null ? t : s.mismatchSince;
        Instant due = s.mismatchSince.plus(mismatchGrace());
        if (!s.mismatchOpen && Times.reached(due, t)) {
            s.mismatchOpen = true;
            out.add(openMismatch(s, due, hall.calendar().isOpen(t, windowId)));
        }
    }

    private boolean mismatch(WindowState s, Instant t) {
        if (s.showing == null) {
            return false;
        }
        boolean open = hall.calendar().isOpen(t, windowId);
        if (s.showing == SignShowing.OPEN) {
            return !open;
        }
        return open && Boolean.TRUE.equals(s.occupied) && !s.sensorFailed;
    }

    private Instant due(WindowState s) {
        boolean offPostPending = s.vacantSince != null && !s.sensorFailed && !s.offPostOpen;
        return Times.earliest(
                offPostPending ? offPostDue(s) : null,
                s.returnSince == null ? null : s.returnSince.plus(debounce()),
                s.mismatchSince == null || s.mismatchOpen ? null : s.mismatchSince.plus(mismatchGrace()),
                s.showing == null ? null : hall.calendar().nextChange(s.evaluatedAt, windowId).orElse(null));
    }

    private Instant offPostDue(WindowState s) {
        return hall.calendar().whenOpenTimeReaches(s.vacantSince, allowance(s), windowId).orElse(null);
    }

    private Duration allowance(WindowState s) {
        return s.showing == SignShowing.PAUSED ? Duration.ofSeconds(hall.settings().maxPauseSeconds())
                : Duration.ofSeconds(hall.settings().offPostGraceSeconds());
    }

    private Duration debounce() {
        return Duration.ofSeconds(hall.settings().returnDebounceSeconds());
    }

    private Duration mismatchGrace() {
        return Duration.ofSeconds(hall.settings().signMismatchSeconds());
    }

    private Open openOffPost(WindowState s, Instant at) {
        WindowFacts f = facts.get();
        boolean paused = s.showing == SignShowing.PAUSED;
        long minutes = allowance(s).toMinutes();
        String b = f.staffB() == null ? "无B岗" : "B岗 " + f.staffBName() + " 未补位";
        String bEn = f.staffB() == null ? "no B role" : "B: " + f.staffBName() + ", not covering";
        Text summary = paused
                ? new Text(f.windowName() + " 暂停服务超过" + minutes + "分钟仍无人值守（A岗 " + f.staffAName() + "，" + b + "）",
                        f.windowName() + ": paused and unattended for over " + minutes + " min (A: " + f.staffAName()
                                + "; " + bEn + ")")
                : new Text(f.windowName() + " 无人值守超过" + minutes + "分钟，未放置暂停服务牌（A岗 " + f.staffAName() + "，" + b + "）",
                        f.windowName() + ": unattended for over " + minutes + " min without a pause sign (A: "
                                + f.staffAName() + "; " + bEn + ")");
        Map<String, Object> details = windowDetails(f);
        details.put("vacantSince", s.vacantSince.toString());
        details.put("allowanceSeconds", allowance(s).toSeconds());
        details.put("pauseSign", paused);
        return new Open(WorkOrderType.OFF_POST, windowId, at, s.vacantSince,
                WorkOrderType.OFF_POST.defaultSeverity(), summary, details, actor("OFF_POST"));
    }

    private Resolve resolveOffPost(WindowState s, Instant at) {
        Duration off = hall.calendar().openTimeBetween(s.vacantSince, s.returnSince, windowId);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("returnedAt", s.returnSince.toString());
        details.put("offPostSeconds", off.toSeconds());
        details.put("offPostMinutes", off.toMinutes());
        return new Resolve(WorkOrderType.OFF_POST, windowId, at,
                new Text("窗口恢复有人值守，离岗" + off.toMinutes() + "分钟",
                        "Window staffed again after " + off.toMinutes() + " min off post"),
                details, actor("OFF_POST"));
    }

    private Open openMismatch(WindowState s, Instant at, boolean windowOpen) {
        WindowFacts f = facts.get();
        Text summary = s.showing == SignShowing.OPEN
                ? new Text(f.windowName() + " 非办公时间标识牌仍显示“办理中”", f.windowName() + ": sign shows open while the window is closed")
                : new Text(f.windowName() + " 窗口有人值守但标识牌显示“" + (s.showing == SignShowing.PAUSED ? "暂停服务" : "停止服务") + "”",
                        f.windowName() + ": staffed but the sign shows " + s.showing.name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> details = windowDetails(f);
        details.put("showing", s.showing.name().toLowerCase(java.util.Locale.ROOT));
        details.put("windowOpen", windowOpen);
        details.put("occupied", s.occupied);
        details.put("mismatchSince", s.mismatchSince.toString());
        return new Open(WorkOrderType.SIGN_MISMATCH, windowId, at, s.mismatchSince,
                WorkOrderType.SIGN_MISMATCH.defaultSeverity(), summary, details, actor("SIGN_MISMATCH"));
    }

    private static Map<String, Object> windowDetails(WindowFacts f) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("window", f.windowId());
        details.put("windowName", f.windowName());
        details.put("staffA", f.staffA());
        details.put("staffAName", f.staffAName());
        details.put("staffB", f.staffB());
        details.put("staffBName", f.staffBName());
        details.put("presenceDevice", f.presenceDevice());
        details.put("signDevice", f.signDevice());
        return details;
    }

    private String actor(String type) {
        return "rule:" + type + " window:" + windowId;
    }
}
