package io.hallwatch.workorders;

import io.hallwatch.halls.Hall;
import io.hallwatch.workorders.OrderCommand.Escalate;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens, escalates and auto-resolves work orders for the hall rules, keeping each change in the
 * order's history. Runs inside the caller's transaction (the rule's), so an order changes together
 * with the rule state that caused it. At most one order per hall, type and subject is open; a
 * condition that returns within the hall's re-open window re-opens the order it had closed.
 */
@ApplicationScoped
public class WorkOrderService {

    @Inject
    Clock clock;

    public void apply(Hall hall, List<OrderCommand> commands) {
        for (OrderCommand command : commands) {
            if (command instanceof Open open) {
                open(hall, open);
            } else if (command instanceof Escalate escalate) {
                escalate(hall, escalate);
            } else if (command instanceof Note note) {
                note(hall, note);
            } else {
                resolve(hall, (Resolve) command);
            }
        }
    }

    private void open(Hall hall, Open command) {
        if (WorkOrder.findOpen(hall.id, command.type(), command.subject()).isPresent()) {
            return;
        }
        Duration reopenWindow = Duration.ofSeconds(hall.rules.withDefaults().reopenWindowSeconds());
        Optional<WorkOrder> recent = WorkOrder.autoResolvedSince(hall.id, command.type(), command.subject(),
                command.at().minus(reopenWindow));
        WorkOrder order = recent.orElseGet(WorkOrder::new);
        Kind kind = recent.isPresent() ? Kind.REOPENED : Kind.OPENED;
        if (recent.isEmpty()) {
            order.hallId = hall.id;
            order.type = command.type();
            order.team = command.type().team();
            order.subject = command.subject();
            order.openedAt = command.at();
            order.conditionSince = command.since();
            order.severity = command.severity();
        } else {
            order.reopenCount++;
            order.resolvedAt = null;
            order.severity = order.severity.atLeast(command.severity());
        }
        order.status = order.acknowledgedAt == null ? WorkOrderStatus.OPEN : WorkOrderStatus.ACKNOWLEDGED;
        order.openKey = WorkOrder.openKey(hall.id, command.type(), command.subject());
        order.summary = command.summary().in(hall.language);
        order.details = new LinkedHashMap<>(command.details());
        order.updatedAt = clock.instant();
        order.persist();
        record(order, kind, command.at(), command.actor(), order.summary, command.details());
    }

    private void escalate(Hall hall, Escalate command) {
        WorkOrder order = WorkOrder.findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null || order.severity.compareTo(command.severity()) >= 0) {
            return;
        }
        order.severity = command.severity();
        order.details.putAll(command.details());
        order.updatedAt = clock.instant();
        record(order, Kind.ESCALATED, command.at(), command.actor(), command.reason().in(hall.language),
                command.details());
    }

    private void note(Hall hall, Note command) {
        WorkOrder order = WorkOrder.findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null) {
            return;
        }
        order.details.putAll(command.details());
        order.updatedAt = clock.instant();
        record(order, Kind.UPDATED, command.at(), command.actor(), command.reason().in(hall.language), command.details());
    }

    private void resolve(Hall hall, Resolve command) {
        WorkOrder order = WorkOrder.findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null) {
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(command.details());
        evidence.put("resolvedAfterSeconds", Duration.between(order.openedAt, command.at()).toSeconds());
        order.status = WorkOrderStatus.AUTO_RESOLVED;
        order.resolvedAt = command.at();
        order.openKey = null;
        order.details.putAll(evidence);
        order.updatedAt = clock.instant();
        record(order, Kind.AUTO_RESOLVED, command.at(), command.actor(), command.reason().in(hall.language), evidence);
    }

    private static void record(WorkOrder order, Kind kind, Instant at, String actor, String reason,
            Map<String, Object> evidence) {
        WorkOrderEvent event = new WorkOrderEvent();
        event.orderId = order.id;
        event.at = at;
        event.event = kind;
        event.status = order.status;
        event.actor = actor;
        event.reason = reason;
        event.evidence = new LinkedHashMap<>(evidence);
        event.persist();
    }
}
