package io.hallwatch.workorders;

import io.hallwatch.halls.Hall;
import io.hallwatch.workorders.OrderCommand.Escalate;
import io.hallwatch.workorders.OrderCommand.Note;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.OrderCommand.Resolve;
import io.hallwatch.workorders.WorkOrderEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.hibernate.jpa.AvailableHints;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Opens, escalates and auto-resolves work orders for the hall rules, keeping each change in the
 * order's history. Runs inside the caller's transaction (the rule's), so an order changes together
 * with the rule state that caused it. At most one order per hall, type and subject is open; a
 * condition that returns within the hall's re-open window re-opens the order it had closed. An order
 * a person resolved while its condition lasted holds its key: the rule opens no new order for it until
 * the condition has cleared.
 */
@ApplicationScoped
public class WorkOrderService {

    private static final String CHANGED_KEYS = "hallwatch.workorders.changed-keys";

    @Inject
    Clock clock;
    @Inject
    OrderHistory history;
    @Inject
    WorkOrderMetrics metrics;
    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;

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

    /**
     * The open order of this hall, type and subject, without flushing the transaction's pending changes
     * first (the flush a query would trigger costs an ingest batch a dirty check of every device and rule
     * state it holds, for each command). What this transaction changed about the key, not yet written, is
     * remembered by this service; the rest is in the database.
     */
    public Optional<WorkOrder> findOpen(String hallId, WorkOrderType type, String subject) {
        String key = WorkOrder.openKey(hallId, type, subject);
        return pending("open", key, () -> WorkOrder.find("openKey", key), order -> key.equals(order.openKey));
    }

    /** The order a person resolved while its condition lasted, which holds the key; as {@link #findOpen}. */
    private Optional<WorkOrder> findHeld(String hallId, WorkOrderType type, String subject) {
        String key = WorkOrder.openKey(hallId, type, subject);
        return pending("held", key, () -> WorkOrder.find("heldKey", key), order -> key.equals(order.heldKey));
    }

    private Optional<WorkOrder> pending(String role, String key, Supplier<PanacheQuery<WorkOrder>> query,
            Predicate<WorkOrder> holds) {
        Map<String, WorkOrder> changed = changedKeys();
        String entry = role + ':' + key;
        if (changed.containsKey(entry)) {
            return Optional.ofNullable(changed.get(entry));
        }
        // A stored order this transaction changed is returned as the managed instance, with its changes.
        Optional<WorkOrder> stored = query.get().withHint(AvailableHints.HINT_FLUSH_MODE, FlushModeType.COMMIT)
                .firstResultOptional().filter(holds);
        changed.put(entry, stored.orElse(null));
        return stored;
    }

    /** Keys this transaction looked up or changed: {@code open:key} or {@code held:key} to its holder, or null. */
    private Map<String, WorkOrder> changedKeys() {
        @SuppressWarnings("unchecked")
        Map<String, WorkOrder> changed = (Map<String, WorkOrder>) transactions.getResource(CHANGED_KEYS);
        if (changed == null) {
            changed = new HashMap<>();
            transactions.putResource(CHANGED_KEYS, changed);
        }
        return changed;
    }

    private void open(Hall hall, Open command) {
        if (findOpen(hall.id, command.type(), command.subject()).isPresent() || held(hall, command)) {
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
            order.place = Places.of(hall.id, command.subject());
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
        if (recent.isEmpty() || order.resolveDueAt == null) {
            startDeadlines(hall, order);
        } else {
            // A re-open keeps the order's deadlines: flapping must not postpone its escalation.
            order.scheduleNextDeadline();
        }
        order.persist();
        changedKeys().put("open:" + order.openKey, order);
        history.record(hall, order, kind, command.at(), command.actor(), order.summary, command.details());
        metrics.opened(order.type, command.at());
    }

    /**
     * Whether a person resolved this condition while it lasted: the same occurrence (the same
     * {@code since}) opens nothing until it clears. A new occurrence (another unknown card, another
     * year's tally) ends the hold and opens its order, since some rules never report a clearing.
     */
    private boolean held(Hall hall, Open command) {
        WorkOrder held = findHeld(hall.id, command.type(), command.subject()).orElse(null);
        if (held == null) {
            return false;
        }
        if (command.since() != null && command.since().equals(held.conditionSince)) {
            return true;
        }
        changedKeys().put("held:" + held.heldKey, null);
        held.heldKey = null;
        held.updatedAt = clock.instant();
        return false;
    }

    /** Deadlines count from when the service opens the order, which is when people can first hear of it. */
    private void startDeadlines(Hall hall, WorkOrder order) {
        OrderDeadlines.Deadline deadline = hall.deadlines().of(order.type);
        Instant now = clock.instant();
        if (order.acknowledgedAt == null) {
            order.ackDueAt = now.plus(deadline.acknowledge());
            order.ackMissed = false;
        }
        order.resolveDueAt = now.plus(deadline.resolve());
        order.resolveMissed = false;
        order.scheduleNextDeadline();
    }

    private void escalate(Hall hall, Escalate command) {
        WorkOrder order = findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null || order.severity.compareTo(command.severity()) >= 0) {
            return;
        }
        order.severity = command.severity();
        order.escalations++;
        order.details.putAll(command.details());
        order.updatedAt = clock.instant();
        history.record(hall, order, Kind.ESCALATED, command.at(), command.actor(), command.reason().in(hall.language),
                command.details());
    }

    private void note(Hall hall, Note command) {
        WorkOrder order = findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null) {
            return;
        }
        order.details.putAll(command.details());
        order.updatedAt = clock.instant();
        history.record(hall, order, Kind.UPDATED, command.at(), command.actor(), command.reason().in(hall.language),
                command.details());
    }

    private void resolve(Hall hall, Resolve command) {
        WorkOrder order = findOpen(hall.id, command.type(), command.subject()).orElse(null);
        if (order == null) {
            release(hall, command);
            return;
        }
        Map<String, Object> evidence = new LinkedHashMap<>(command.details());
        evidence.put("resolvedAfterSeconds", Duration.between(order.openedAt, command.at()).toSeconds());
        order.status = WorkOrderStatus.AUTO_RESOLVED;
        order.resolvedAt = command.at();
        changedKeys().put("open:" + order.openKey, null);
        order.openKey = null;
        order.nextDeadlineAt = null;
        order.details.putAll(evidence);
        order.updatedAt = clock.instant();
        history.record(hall, order, Kind.AUTO_RESOLVED, command.at(), command.actor(),
                command.reason().in(hall.language), evidence);
    }

    /** The condition of an order a person resolved has cleared: the next one may open. */
    private void release(Hall hall, Resolve command) {
        WorkOrder held = findHeld(hall.id, command.type(), command.subject()).orElse(null);
        if (held == null) {
            return;
        }
        changedKeys().put("held:" + held.heldKey, null);
        held.heldKey = null;
        held.updatedAt = clock.instant();
        history.record(hall, held, Kind.CONDITION_CLEARED, command.at(), command.actor(),
                command.reason().in(hall.language), command.details());
    }
}
