package io.hallwatch.rules;

import io.hallwatch.calendar.CalendarService;
import io.hallwatch.halls.Hall;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.platform.Json;
import io.hallwatch.workorders.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The engine the features' rule runners share. Each hall is locked (its row, for the rest of the
 * transaction) before any of its rule states is read, so the ingest worker of a hall and the
 * scheduler tick never interleave on one hall; then a runner loads a subject's state, lets its
 * plain-Java rule decide, and saves the state with the work-order commands in the same transaction.
 */
@ApplicationScoped
public class HallRules {

    @Inject
    EntityManager em;
    @Inject
    CalendarService calendars;
    @Inject
    WorkOrderService orders;
    @Inject
    MqttIngest ingest;
    @Inject
    Clock clock;

    /** Locks the hall for this transaction (once) and returns what its rules need. */
    public HallContext lock(String hallId) {
        Hall hall = em.find(Hall.class, hallId);
        if (em.getLockMode(hall) != LockModeType.PESSIMISTIC_WRITE) {
            em.lock(hall, LockModeType.PESSIMISTIC_WRITE);
        }
        return new HallContext(hall.id, hall.rules.withDefaults(), calendars.of(hall.id), ingest.listeningSince());
    }

    /** The stored state of a subject, or {@code initial} when the rule has none yet. */
    public <S> S state(HallContext hall, String rule, String subject, Class<S> type, Supplier<S> initial) {
        RuleState row = em.find(RuleState.class, RuleState.id(hall.hallId(), rule, subject));
        if (row == null) {
            return initial.get();
        }
        if (!type.isInstance(row.value)) {
            row.value = Json.read(row.state, type);
        }
        return type.cast(row.value);
    }

    /** Stores the subject's state and next due instant, and carries out the outcome's work-order commands. */
    public void save(HallContext hall, String rule, String subject, Object state, Outcome outcome) {
        String id = RuleState.id(hall.hallId(), rule, subject);
        RuleState row = em.find(RuleState.class, id);
        if (row == null) {
            row = new RuleState();
            row.id = id;
            row.hallId = hall.hallId();
            row.rule = rule;
            row.subject = subject;
            em.persist(row);
        }
        row.value = state;
        row.state = Json.write(state);
        row.dueAt = outcome.dueAt();
        row.updatedAt = clock.instant();
        if (!outcome.commands().isEmpty()) {
            orders.apply(em.find(Hall.class, hall.hallId()), outcome.commands());
        }
    }

    /** A subject's stored state for reading only (no lock, no change); null when the rule has none. */
    public <S> S stored(String hallId, String rule, String subject, Class<S> type) {
        RuleState row = em.find(RuleState.class, RuleState.id(hallId, rule, subject));
        return row == null ? null : Json.read(row.state, type);
    }

    /** Stops the tick looking at a subject that is gone (a revoked device), keeping its state. */
    public void forget(HallContext hall, String rule, String subject) {
        RuleState row = em.find(RuleState.class, RuleState.id(hall.hallId(), rule, subject));
        if (row != null) {
            row.dueAt = null;
        }
    }
}
