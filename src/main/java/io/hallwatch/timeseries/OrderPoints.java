package io.hallwatch.timeseries;

import io.hallwatch.devices.Device;
import io.hallwatch.halls.Hall;
import io.hallwatch.halls.HallWindow;
import io.hallwatch.workorders.OrderChanged;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;

/**
 * Records each entry of an order's history ({@code work_order}), the hall's open orders of that type
 * after it ({@code open_orders}), when an OFF_POST order closes its off-post minutes ({@code off_post}),
 * and a device falling silent or heard again ({@code device_health}, from its SENSOR_OFFLINE order),
 * in the transaction of the change (docs/influx-schema.md).
 */
@ApplicationScoped
public class OrderPoints {

    private static final Map<String, String> EVENTS = Map.of("OPENED", "opened", "REOPENED", "reopened",
            "ACKNOWLEDGED", "acknowledged", "ESCALATED", "escalated", "RESOLVED", "resolved",
            "AUTO_RESOLVED", "auto_resolved", "CONDITION_CLEARED", "cleared");

    @Inject
    Recorder recorder;

    void onChange(@Observes OrderChanged change) {
        String event = EVENTS.get(change.kind().name());
        if (!recorder.enabled() || event == null) {
            return;
        }
        WorkOrder o = change.order();
        Line line = Line.of("work_order").tag("hall", o.hallId).tag("type", o.type.name()).tag("team", o.team.wire())
                .tag("event", event).tag("severity", o.severity.name()).tag("subject", o.subject).field("id", o.id)
                .field("escalations", (long) o.escalations);
        if ("acknowledged".equals(event)) {
            line.field("seconds_to_ack", seconds(o.openedAt, o.acknowledgedAt));
        }
        boolean closed = "resolved".equals(event) || "auto_resolved".equals(event);
        if (closed) {
            line.field("seconds_to_resolve", seconds(o.openedAt, o.resolvedAt));
        }
        recorder.record(line.at(change.at()));
        long open = WorkOrder.count("hallId = ?1 and type = ?2 and openKey is not null", o.hallId, o.type);
        recorder.record(Line.of("open_orders").tag("hall", o.hallId).tag("type", o.type.name()).tag("team", o.team.wire())
                .field("count", open).at(change.at()));
        if (closed && o.type == WorkOrderType.OFF_POST) {
            offPost(change.hall(), o, change);
        }
        if (o.type == WorkOrderType.SENSOR_OFFLINE && ("opened".equals(event) || "reopened".equals(event) || closed)) {
            silence(o, !closed, change);
        }
    }

    /** A device that fell silent says nothing itself: its SENSOR_OFFLINE order tells the boards. */
    private void silence(WorkOrder o, boolean offline, OrderChanged change) {
        Device device = Device.findById(o.subject);
        if (device != null) {
            recorder.record(Line.of("device_health").tag("hall", o.hallId).tag("device", device.id)
                    .tag("kind", device.kind.wire()).field("online", !offline).at(change.at()));
        }
    }

    private void offPost(Hall hall, WorkOrder o, OrderChanged change) {
        Object minutes = o.details.get("offPostMinutes");
        String staff = HallWindow.find(hall.id, o.subject).map(w -> w.staffA).orElse(null);
        recorder.record(Line.of("off_post").tag("hall", hall.id).tag("window", o.subject).tag("staff", staff)
                .field("minutes", minutes instanceof Number n ? n.doubleValue()
                        : Duration.between(o.conditionSince, o.resolvedAt).toSeconds() / 60.0)
                .field("grace_minutes", hall.rules.withDefaults().offPostGraceSeconds() / 60.0).at(change.at()));
    }

    private static double seconds(java.time.Instant from, java.time.Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toMillis() / 1000.0);
    }
}
