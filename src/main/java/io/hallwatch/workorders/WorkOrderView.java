package io.hallwatch.workorders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work order as contract section 5 shows it; {@code history} only when one order is asked for.
 * Types, teams and statuses use their contract spelling. Beyond the contract: who acknowledged and
 * resolved it, its deadlines, how often it escalated, and {@code place} (where, for people).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WorkOrderView(Long id, String hall, WorkOrderType type, Team team, Severity severity,
        WorkOrderStatus status, String subject, String place, Instant openedAt, Instant acknowledgedAt,
        Instant resolvedAt, Instant conditionSince, String summary, Map<String, Object> details, int reopenCount,
        String acknowledgedBy, String resolvedBy, Instant acknowledgeDueAt, Instant resolveDueAt, int escalations,
        List<HistoryEntry> history) {

    /** One change of the order: when, what, the status after it, who or which rule and sensor, why. */
    public record HistoryEntry(Instant at, WorkOrderEvent.Kind event, WorkOrderStatus status, String actor,
            String reason, Map<String, Object> evidence) {

        static HistoryEntry of(WorkOrderEvent e) {
            return new HistoryEntry(e.at, e.event, e.status, e.actor, e.reason, e.evidence);
        }
    }

    public static WorkOrderView of(WorkOrder o, List<HistoryEntry> history) {
        boolean open = !o.isClosed();
        return new WorkOrderView(o.id, o.hallId, o.type, o.team, o.severity, o.status, o.subject, o.place,
                o.openedAt, o.acknowledgedAt, o.resolvedAt, o.conditionSince, o.summary, o.details, o.reopenCount,
                o.acknowledgedBy, o.resolvedBy, open && o.acknowledgedAt == null ? o.ackDueAt : null,
                open ? o.resolveDueAt : null, o.escalations, history);
    }
}
