package io.hallwatch.workorders;

import io.hallwatch.audit.AuditLog;
import io.hallwatch.audit.Changes;
import io.hallwatch.halls.Hall;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import io.hallwatch.workorders.WorkOrderEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What people do to work orders: acknowledge and resolve. Each takes its hall's lock first, the lock
 * the rules take, so a person and a rule never change one order at once. Acknowledging twice is
 * harmless (a double tap on a phone); acting on a closed order, or on another team's or hall's, is not.
 * A person may resolve an order its sensors still see: it then holds its key until the condition clears.
 */
@ApplicationScoped
@Transactional
public class WorkOrderActions {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    OrderHistory history;
    @Inject
    AuditLog audit;

    public WorkOrderView acknowledge(long id, Caller caller) {
        WorkOrder order = lockedOrder(id, caller);
        Hall hall = Hall.findById(order.hallId);
        if (order.status == WorkOrderStatus.OPEN) {
            Instant now = clock.instant();
            order.status = WorkOrderStatus.ACKNOWLEDGED;
            order.acknowledgedAt = now;
            order.acknowledgedBy = caller.username();
            order.scheduleNextDeadline();
            order.updatedAt = now;
            history.record(hall, order, Kind.ACKNOWLEDGED, now, caller.actor(),
                    new Text("已确认", "Acknowledged").in(hall.language), Map.of());
            audit.record("order.acknowledge", order.hallId, String.valueOf(id), Changes.of("type", order.type)
                    .with("subject", order.subject));
        } else if (order.isClosed()) {
            throw ProblemException.conflict("work order " + id + " is already " + order.status);
        }
        return WorkOrderView.of(order, null);
    }

    public WorkOrderView resolve(long id, Caller caller, String note) {
        WorkOrder order = lockedOrder(id, caller);
        if (order.isClosed()) {
            throw ProblemException.conflict("work order " + id + " is already " + order.status);
        }
        Hall hall = Hall.findById(order.hallId);
        Instant now = clock.instant();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("resolvedAfterSeconds", Duration.between(order.openedAt, now).toSeconds());
        if (note != null && !note.isBlank()) {
            evidence.put("note", note.strip());
        }
        order.status = WorkOrderStatus.RESOLVED;
        order.resolvedAt = now;
        order.resolvedBy = caller.username();
        // The rule still sees the condition: it must clear before another order opens.
        order.heldKey = order.openKey;
        order.openKey = null;
        order.nextDeadlineAt = null;
        order.details.putAll(evidence);
        order.updatedAt = now;
        String reason = note != null && !note.isBlank() ? note.strip()
                : new Text("已处理", "Resolved").in(hall.language);
        history.record(hall, order, Kind.RESOLVED, now, caller.actor(), reason, evidence);
        audit.record("order.resolve", order.hallId, String.valueOf(id), Changes.of("type", order.type)
                .with("subject", order.subject).with("note", evidence.get("note")));
        return WorkOrderView.of(order, null);
    }

    private WorkOrder lockedOrder(long id, Caller caller) {
        WorkOrder peek = WorkOrder.findById(id);
        if (peek == null || !caller.worksIn(peek.hallId)) {
            throw ProblemException.notFound("work order " + id + " does not exist");
        }
        if (!caller.handles(peek.hallId, peek.team)) {
            throw ProblemException.forbidden("work order " + id + " is for the " + peek.team.wire()
                    + " team, which " + caller.username() + " is not in");
        }
        Hall.lockRow(peek.hallId);
        em.refresh(peek);
        return peek;
    }
}
