package io.hallwatch.signage;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
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
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * SIGN_FAULT and SIGN_OFFLINE for one sign (破损、失效的标识标牌应及时更换). Plain Java.
 * <ul>
 * <li>{@code state} fault or blank opens SIGN_FAULT (while its window is open) until {@code ok}.</li>
 * <li>Nothing heard for the heartbeat times the tolerance, or an {@code offline} status, opens
 * SIGN_OFFLINE (while its window is open) until the sign is heard again.</li>
 * </ul>
 * What the sign shows can be trusted only while it is healthy and heard ({@link #trustedShowing}).
 */
public final class SignRule {

    public static final String RULE = "SIGN";

    private final HallContext hall;
    private final String device;
    private final String windowId;
    private final Supplier<String> windowName;

    /** {@code windowName} is asked only when an order opens. */
    public SignRule(HallContext hall, String device, String windowId, Supplier<String> windowName) {
        this.hall = hall;
        this.device = device;
        this.windowId = windowId;
        this.windowName = windowName;
    }

    public Outcome reading(SignDeviceState s, SignState health, SignShowing showing, String code, Instant ts,
            Instant receivedAt) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = Times.latest(ts, s.evaluatedAt);
        evaluate(s, t, out);
        heard(s, receivedAt, t, out);
        s.health = health;
        s.showing = showing;
        s.code = code;
        if (health == SignState.OK) {
            s.faultSince = null;
            if (s.faultOpen) {
                s.faultOpen = false;
                out.add(new Resolve(WorkOrderType.SIGN_FAULT, device, t, new Text("标识牌恢复正常", "The sign works again"),
                        Map.of("recoveredAt", t.toString()), actor("SIGN_FAULT")));
            }
        } else if (s.faultSince == null) {
            s.faultSince = t;
        }
        return judge(s, t, out);
    }

    public Outcome status(SignDeviceState s, boolean online, Instant at) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = Times.latest(at, s.evaluatedAt);
        evaluate(s, t, out);
        if (online) {
            heard(s, at, t, out);
        } else {
            s.saidOffline(t);
        }
        return judge(s, t, out);
    }

    public Outcome advance(SignDeviceState s, Instant now) {
        List<OrderCommand> out = new ArrayList<>();
        return judge(s, Times.latest(now, s.evaluatedAt), out);
    }

    /** What the sign shows, when it can be trusted at {@code t}: healthy, and neither offline nor silent. */
    public SignShowing trustedShowing(SignDeviceState s, Instant t) {
        boolean silent = Times.reached(offlineAt(s), t);
        return s.health == SignState.OK && !silent ? s.showing : null;
    }

    private void heard(SignDeviceState s, Instant receivedAt, Instant t, List<OrderCommand> out) {
        if (s.heard(receivedAt)) {
            out.add(new Resolve(WorkOrderType.SIGN_OFFLINE, device, t, new Text("标识牌恢复在线", "The sign is heard again"),
                    Map.of("heardAt", s.lastHeard.toString()), actor("SIGN_OFFLINE")));
        }
    }

    private Outcome judge(SignDeviceState s, Instant t, List<OrderCommand> out) {
        evaluate(s, t, out);
        return new Outcome(out, Times.earliest(
                s.faultOpen || s.faultSince == null ? null : hall.firstOpen(s.faultSince, windowId),
                offlinePending(s) ? hall.firstOpen(offlineAt(s), windowId) : null,
                // Whether what it shows can be trusted changes when it falls silent.
                Times.after(t, s.statusOffline ? null : offlineAt(s))));
    }

    private void evaluate(SignDeviceState s, Instant t, List<OrderCommand> out) {
        s.evaluatedAt = t;
        if (s.faultSince != null && !s.faultOpen) {
            Instant due = hall.firstOpen(s.faultSince, windowId);
            if (Times.reached(due, t)) {
                s.faultOpen = true;
                out.add(openFault(s, due));
            }
        }
        if (offlinePending(s)) {
            Instant due = hall.firstOpen(offlineAt(s), windowId);
            if (Times.reached(due, t)) {
                s.offlineOpen = true;
                out.add(openOffline(s, due));
            }
        }
    }

    private boolean offlinePending(SignDeviceState s) {
        return !s.offlineOpen && offlineAt(s) != null;
    }

    /** When the sign counts as offline: its offline status, or the end of its allowed silence. */
    private Instant offlineAt(SignDeviceState s) {
        if (s.statusOffline) {
            return s.offlineSince;
        }
        if (s.lastHeard == null) {
            return null;
        }
        Duration silence = Duration.ofSeconds((long) hall.settings().signageHeartbeatSeconds()
                * hall.settings().signageOfflineTolerance());
        return Times.latest(s.lastHeard, hall.listeningSince()).plus(silence);
    }

    private Open openFault(SignDeviceState s, Instant at) {
        String windowName = this.windowName.get();
        String state = s.health.name().toLowerCase(Locale.ROOT);
        String code = s.code == null ? "" : "，故障代码 " + s.code;
        String codeEn = s.code == null ? "" : ", code " + s.code;
        Text summary = s.health == SignState.BLANK
                ? new Text(windowName + " 标识牌黑屏（" + device + code + "），请更换或维修",
                        windowName + ": sign " + device + " is blank" + codeEn + "; repair or replace it")
                : new Text(windowName + " 标识牌故障（" + device + code + "），请更换或维修",
                        windowName + ": sign " + device + " reports a fault" + codeEn + "; repair or replace it");
        Map<String, Object> details = details();
        details.put("state", state);
        details.put("code", s.code);
        details.put("faultSince", s.faultSince.toString());
        return new Open(WorkOrderType.SIGN_FAULT, device, at, s.faultSince, WorkOrderType.SIGN_FAULT.defaultSeverity(),
                summary, details, actor("SIGN_FAULT"));
    }

    private Open openOffline(SignDeviceState s, Instant at) {
        String windowName = this.windowName.get();
        Text summary = s.statusOffline
                ? new Text(windowName + " 标识牌离线（" + device + " 报告 offline）", windowName + ": sign " + device + " went offline")
                : new Text(windowName + " 标识牌失联（" + device + " 超过心跳间隔未上报）",
                        windowName + ": sign " + device + " has been silent past its heartbeat");
        Map<String, Object> details = details();
        details.put("cause", s.statusOffline ? "offline-status" : "silent");
        details.put("lastHeard", s.lastHeard == null ? null : s.lastHeard.toString());
        details.put("heartbeatSeconds", hall.settings().signageHeartbeatSeconds());
        return new Open(WorkOrderType.SIGN_OFFLINE, device, at, offlineAt(s), WorkOrderType.SIGN_OFFLINE.defaultSeverity(),
                summary, details, actor("SIGN_OFFLINE"));
    }

    private Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("device", device);
        details.put("window", windowId);
        details.put("windowName", windowName.get());
        return details;
    }

    private String actor(String type) {
        return "rule:" + type + " sensor:" + device;
    }
}
