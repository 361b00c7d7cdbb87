package io.hallwatch.workorders;

import io.hallwatch.halls.Hall;
import io.hallwatch.workorders.WorkOrderEvent.Kind;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Escalates orders whose deadline passed: not acknowledged in time, or not resolved in time. Each
 * deadline escalates an order once, one severity level up (CRITICAL stays CRITICAL), recorded in its
 * history and told to the hall managers as well as the team. Works hall by hall under the hall's lock,
 * like the rules; a failed hall is tried again at the next check.
 */
@ApplicationScoped
public class DeadlineWatch {

    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    OrderHistory history;
    @Inject
    WorkOrdersConfig config;

    @Scheduled(every = "${hallwatch.workorders.deadline-check-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        if (config.deadlineChecks()) {
            check(clock.instant());
        }
    }

    /** Escalates every order with a deadline missed at {@code now}; returns how many escalated. */
    public int check(Instant now) {
        Map<String, List<Long>> due = QuarkusTransaction.requiringNew().call(() -> due(now));
        int escalated = 0;
        for (Map.Entry<String, List<Long>> hall : due.entrySet()) {
            try {
                escalated += QuarkusTransaction.requiringNew().call(() -> escalate(hall.getKey(), hall.getValue(), now));
            } catch (RuntimeException e) {
                Log.errorf(e, "Escalating orders of hall %s failed; tried again at the next check", hall.getKey());
            }
        }
        return escalated;
    }

    private Map<String, List<Long>> due(Instant now) {
        List<Object[]> rows = em.createQuery("select o.hallId, o.id from WorkOrder o where o.nextDeadlineAt <= :now"
                + " order by o.nextDeadlineAt", Object[].class).setParameter("now", now)
                .setMaxResults(config.deadlineCheckLimit()).getResultList();
        Map<String, List<Long>> byHall = new LinkedHashMap<>();
        rows.forEach(row -> byHall.computeIfAbsent((String) row[0], h -> new ArrayList<>()).add((Long) row[1]));
        return byHall;
    }

    private int escalate(String hallId, List<Long> ids, Instant now) {
        Hall.lockRow(hallId);
        Hall hall = Hall.findById(hallId);
        int escalated = 0;
        for (Long id : ids) {
            WorkOrder order = WorkOrder.findById(id);
            if (order.isClosed() || order.nextDeadlineAt == null || order.nextDeadlineAt.isAfter(now)) {
                continue;
            }
            boolean ack = order.acknowledgedAt == null && !order.ackMissed && order.ackDueAt != null
                    && !order.ackDueAt.isAfter(now);
            if (ack) {
                order.ackMissed = true;
            } else {
                order.resolveMissed = true;
            }
            raise(hall, order, ack, now);
            escalated++;
        }
        return escalated;
    }

    private void raise(Hall hall, WorkOrder order, boolean ack, Instant now) {
        OrderDeadlines.Deadline deadline = hall.deadlines().of(order.type);
        long minutes = (ack ? deadline.acknowledge() : deadline.resolve()).toMinutes();
        Severity[] levels = Severity.values();
        order.severity = levels[Math.min(order.severity.ordinal() + 1, levels.length - 1)];
        order.escalations++;
        order.scheduleNextDeadline();
        order.updatedAt = now;
        Text reason = ack ? new Text(minutes + " 分钟内无人确认，已升级", "Not acknowledged within " + minutes + " min: escalated")
                : new Text(minutes + " 分钟内未处理完毕，已升级", "Not resolved within " + minutes + " min: escalated");
        Map<String, Object> evidence = Map.of("deadline", ack ? "acknowledge" : "resolve", "deadlineMinutes", minutes,
                "overdueSeconds", Duration.between(ack ? order.ackDueAt : order.resolveDueAt, now).toSeconds());
        history.record(hall, order, Kind.ESCALATED, now, "deadline:" + (ack ? "acknowledge" : "resolve"),
                reason.in(hall.language), evidence);
    }
}
