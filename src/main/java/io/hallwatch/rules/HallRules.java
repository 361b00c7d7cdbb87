package io.hallwatch.rules;

import io.hallwatch.calendar.CalendarService;
import io.hallwatch.halls.Hall;
import io.hallwatch.devices.Device;
import io.hallwatch.ingest.BatchPreparation;
import io.hallwatch.ingest.MqttIngest;
import io.hallwatch.platform.Json;
import io.hallwatch.workorders.WorkOrderService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine the features' rule runners share. Each hall is locked (its row, for the rest of the
 * transaction) before any of its rule states is read, so the ingest worker of a hall and the
 * scheduler tick never interleave on one hall; then a runner loads a subject's state, lets its
 * plain-Java rule decide, and saves the state with the work-order commands in the same transaction.
 */
@ApplicationScoped
public class HallRules implements BatchPreparation {

    @Inject
    EntityManager em;
    @Inject
    TransactionSynchronizationRegistry transactions;
    @Inject
    CalendarService calendars;
    @Inject
    WorkOrderService orders;
    @Inject
    MqttIngest ingest;
    @Inject
    Clock clock;
    @Inject
    Instance<RuleRunner> runners;

    /** Locks the hall for this transaction (once) and returns what its rules need. */
    public HallContext lock(String hallId) {
        if (transactions.getResource(lockKey(hallId)) == null) {
            lockAll(List.of(hallId));
        }
        return context(em.find(Hall.class, hallId));
    }

    /** Locks these halls for this transaction, in one statement, those not locked yet. */
    private void lockAll(Collection<String> hallIds) {
        List<String> missing = hallIds.stream().filter(id -> transactions.getResource(lockKey(id)) == null).toList();
        if (!missing.isEmpty()) {
            Hall.lockRows(missing);
            missing.forEach(id -> transactions.putResource(lockKey(id), Boolean.TRUE));
        }
    }

    private static String lockKey(String hallId) {
        return "hallwatch.rules.locked:" + hallId;
    }

    /** What the hall's rules need, for reading their view without changing anything (no lock). */
    public HallContext context(String hallId) {
        return context(em.find(Hall.class, hallId));
    }

    private HallContext context(Hall hall) {
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
        store(hall, rule, subject, em.find(RuleState.class, id), id, state, outcome);
    }

    /** {@link #save} with the subject's row (null when it has none yet) already looked up. */
    private void store(HallContext hall, String rule, String subject, RuleState row, String id, Object state,
            Outcome outcome) {
        boolean created = row == null;
        if (created) {
            row = new RuleState();
            row.id = id;
            row.hallId = hall.hallId();
            row.rule = rule;
            row.subject = subject;
        }
        row.value = state;
        row.state = Json.write(state);
        row.dueAt = outcome.dueAt();
        row.updatedAt = clock.instant();
        if (created) {
            // After the fields are set: Hibernate inserts the values an entity has when it is persisted.
            em.persist(row);
        }
        if (!outcome.commands().isEmpty()) {
            orders.apply(em.find(Hall.class, hall.hallId()), outcome.commands());
        }
    }

    /**
     * Stores a {@link Liveness} state like {@link #save}, unless the step was a routine message: it changed
     * nothing but when the device was last heard and last judged ({@code keptBefore}, null for a step that
     * must be stored, equals {@link Liveness#kept} now), has no work-order commands, and the stored row is
     * due no later than the new due instant. The
     * row then stays as it is: a heartbeat costs no write, and the tick looks at the subject in time (early
     * at worst), when the runner catches the state up with {@link Liveness#heardBy the device's last-seen}.
     */
    public void saveLiveness(HallContext hall, String rule, String subject, Liveness state, List<Object> keptBefore,
            Outcome outcome) {
        String id = RuleState.id(hall.hallId(), rule, subject);
        RuleState row = em.find(RuleState.class, id);
        if (row != null && keptBefore != null && outcome.commands().isEmpty() && keptBefore.equals(state.kept())
                && dueNoLater(row.dueAt, outcome.dueAt())) {
            // Later messages of this transaction go on from the fresh state.
            row.value = state;
            return;
        }
        store(hall, rule, subject, row, id, state, outcome);
    }

    private static boolean dueNoLater(Instant stored, Instant next) {
        return stored == null ? next == null : next != null && !stored.isAfter(next);
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

    /**
     * Drops what the per-device rules remember of a device id, so that a replacement device provisioned
     * under a revoked id starts clean. Its open work orders stay for people to close.
     */
    public void forgetDevice(String deviceId) {
        List<String> perDevice = runners.stream().filter(RuleRunner::keyedByDevice).map(RuleRunner::rule).toList();
        RuleState.delete("subject = ?1 and rule in ?2", deviceId, perDevice);
    }

    /** Locks the halls of an ingest batch and loads the states of its devices and their windows in one query. */
    @Override
    public void prepare(Collection<Device> devices) {
        Set<String> halls = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        for (Device device : devices) {
            halls.add(device.hallId);
            subjects.add(device.id);
            if (device.windowId != null) {
                subjects.add(device.windowId);
            }
        }
        // Lock first: states read before the lock could be older than what a tick is committing.
        lockAll(halls);
        // The rows stay in the persistence context, where state() and save() find them without a query.
        em.createQuery("from RuleState where hallId in :halls and subject in :subjects", RuleState.class)
                .setParameter("halls", halls).setParameter("subjects", subjects).getResultList();
    }
}
