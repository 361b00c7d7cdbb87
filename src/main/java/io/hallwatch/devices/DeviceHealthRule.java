package io.hallwatch.devices;

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
 * SENSOR_OFFLINE and BATTERY_LOW for one device. Plain Java.
 * <ul>
 * <li>A presence or bin sensor silent for the silence limit of open time, or any device but a sign
 * reporting {@code offline} (signs have SIGN_OFFLINE), has failed: SENSOR_OFFLINE until it is heard
 * again. While a presence sensor has failed, its window's OFF_POST is suspended ({@link #failed}).</li>
 * <li>Battery below the low level: BATTERY_LOW, resolved once a reading is {@value #BATTERY_RECOVERY_POINTS}
 * points above it (a new battery), so that a level hovering at the line does not flap.</li>
 * </ul>
 * Orders open only while the device's window (or the hall) is open.
 */
public final class DeviceHealthRule {

    public static final String RULE = "HEALTH";
    public static final double BATTERY_RECOVERY_POINTS = 10;

    private final HallContext hall;
    private final Device device;
    private final Supplier<String> place;

    /** {@code place} names where the device is, for people (its window's name or its zone); asked only for an order. */
    public DeviceHealthRule(HallContext hall, Device device, Supplier<String> place) {
        this.hall = hall;
        this.device = device;
        this.place = place;
    }

    public Outcome reading(DeviceHealthState s, Double battery, Instant ts, Instant receivedAt) {
        List<OrderCommand> out = new ArrayList<>();
        Instant t = Times.latest(ts, s.evaluatedAt);
        evaluate(s, t, out);
        heard(s, receivedAt, t, out);
        if (battery != null) {
            battery(s, battery, t, out);
        }
        return judge(s, t, out);
    }

    public Outcome status(DeviceHealthState s, boolean online, Instant at) {
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

    public Outcome advance(DeviceHealthState s, Instant now) {
        return judge(s, Times.latest(now, s.evaluatedAt), new ArrayList<>());
    }

    /** Whether the device counts as failed: it said offline, or SENSOR_OFFLINE is open for it. */
    public static boolean failed(DeviceHealthState s) {
        return s.statusOffline || s.offlineOpen;
    }

    private void heard(DeviceHealthState s, Instant receivedAt, Instant t, List<OrderCommand> out) {
        if (s.heard(receivedAt)) {
            out.add(new Resolve(WorkOrderType.SENSOR_OFFLINE, device.id, t, new Text("设备恢复上报", "The device is heard again"),
                    Map.of("heardAt", s.lastHeard.toString()), actor("SENSOR_OFFLINE")));
        }
    }

    private void battery(DeviceHealthState s, double battery, Instant t, List<OrderCommand> out) {
        s.battery = battery;
        double low = hall.settings().batteryLowPercent();
        if (battery < low) {
            s.batteryLowSince = s.batteryLowSince == null ? t : s.batteryLowSince;
        } else if (battery >= low + BATTERY_RECOVERY_POINTS) {
            s.batteryLowSince = null;
            if (s.batteryOpen) {
                s.batteryOpen = false;
                out.add(new Resolve(WorkOrderType.BATTERY_LOW, device.id, t,
                        new Text("电池电量已恢复（" + fmt(battery) + "%）", "Battery back at " + fmt(battery) + " %"),
                        Map.of("battery", battery), actor("BATTERY_LOW")));
            }
        }
    }

    private Outcome judge(DeviceHealthState s, Instant t, List<OrderCommand> out) {
        evaluate(s, t, out);
        return new Outcome(out, Times.earliest(
                s.offlineOpen ? null : Times.after(t, offlineAt(s)),
                s.batteryOpen || s.batteryLowSince == null ? null : Times.after(t, hall.firstOpen(s.batteryLowSince, window()))));
    }

    private void evaluate(DeviceHealthState s, Instant t, List<OrderCommand> out) {
        s.evaluatedAt = t;
        Instant offlineAt = offlineAt(s);
        if (!s.offlineOpen && Times.reached(offlineAt, t)) {
            s.offlineOpen = true;
            out.add(openOffline(s, offlineAt));
        }
        if (s.batteryLowSince != null && !s.batteryOpen) {
            Instant due = hall.firstOpen(s.batteryLowSince, window());
            if (Times.reached(due, t)) {
                s.batteryOpen = true;
                out.add(openBattery(s, due));
            }
        }
    }

    /** When SENSOR_OFFLINE opens: at the first open instant after an offline status, or after the silence limit. */
    private Instant offlineAt(DeviceHealthState s) {
        if (device.kind == DeviceKind.SIGNAGE) {
            return null;
        }
        if (s.statusOffline) {
            return hall.firstOpen(s.offlineSince, window());
        }
        boolean reportsRegularly = device.kind == DeviceKind.PRESENCE || device.kind == DeviceKind.BIN;
        if (!reportsRegularly || s.lastHeard == null) {
            return null;
        }
        return hall.silentAt(s.lastHeard, Duration.ofSeconds(hall.settings().sensorSilenceSeconds()), window());
    }

    private Open openOffline(DeviceHealthState s, Instant at) {
        Text what = kindName();
        long minutes = hall.settings().sensorSilenceSeconds() / 60;
        Text summary = s.statusOffline
                ? new Text(place.get() + " " + what.zh() + "离线（" + device.id + " 报告 offline）",
                        place.get() + ": " + what.en() + " " + device.id + " went offline")
                : new Text(place.get() + " " + what.zh() + "失联（" + device.id + " 超过" + minutes + "分钟未上报）",
                        place.get() + ": " + what.en() + " " + device.id + " silent for over " + minutes + " min");
        Map<String, Object> details = details();
        details.put("cause", s.statusOffline ? "offline-status" : "silent");
        details.put("lastHeard", s.lastHeard == null ? null : s.lastHeard.toString());
        return new Open(WorkOrderType.SENSOR_OFFLINE, device.id, at, s.statusOffline ? s.offlineSince : s.lastHeard,
                WorkOrderType.SENSOR_OFFLINE.defaultSeverity(), summary, details, actor("SENSOR_OFFLINE"));
    }

    private Open openBattery(DeviceHealthState s, Instant at) {
        Text what = kindName();
        Text summary = new Text(place.get() + " " + what.zh() + "电量低（" + device.id + "，" + fmt(s.battery) + "%），请更换电池",
                place.get() + ": " + what.en() + " " + device.id + " battery low (" + fmt(s.battery) + " %); replace it");
        Map<String, Object> details = details();
        details.put("battery", s.battery);
        details.put("lowPercent", hall.settings().batteryLowPercent());
        return new Open(WorkOrderType.BATTERY_LOW, device.id, at, s.batteryLowSince,
                WorkOrderType.BATTERY_LOW.defaultSeverity(), summary, details, actor("BATTERY_LOW"));
    }

    private Text kindName() {
        return switch (device.kind) {
            case PRESENCE -> new Text("人员感应器", "presence sensor");
            case SIGNAGE -> new Text("标识牌", "sign");
            case BIN -> new Text("垃圾桶传感器", "bin sensor");
            case BADGE -> new Text("考勤读卡器", "badge reader");
        };
    }

    private Map<String, Object> details() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("device", device.id);
        details.put("kind", device.kind.wire());
        details.put("window", device.windowId);
        details.put("zone", device.zone);
        details.put("place", place.get());
        return details;
    }

    private String window() {
        return device.kind.watchesWindow() ? device.windowId : null;
    }

    private String actor(String type) {
        return "rule:" + type + " sensor:" + device.id;
    }

    private static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
