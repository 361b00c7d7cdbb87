package io.hallwatch.rules;

import io.hallwatch.ingest.MqttIngest;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scheduler tick of the hall rules: finds the rule states whose time has come (a grace period
 * over, a device silent too long, closing time) and lets their runners judge them, one transaction
 * per hall under the hall's lock. It does not run while the service is cut off from the broker
 * (devices may well be talking, the service just cannot hear them), nor in the first
 * {@code hallwatch.rules.tick-delay} after each connection, while the broker delivers what it kept.
 */
@ApplicationScoped
public class RuleTicker {

    @Inject
    EntityManager em;
    @Inject
    HallRules rules;
    @Inject
    MqttIngest ingest;
    @Inject
    RulesConfig config;
    @Inject
    Clock clock;

    private final Map<String, RuleRunner> runners = new HashMap<>();

    @Inject
    RuleTicker(Instance<RuleRunner> all) {
        all.forEach(runner -> runners.put(runner.rule(), runner));
    }

    @Scheduled(every = "${hallwatch.rules.tick-interval:15s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Instant now = clock.instant();
        // After each (re)connection, the broker first delivers what it kept: judge timers after that.
        if (ingest.isConnected() && !ingest.listeningSince().isAfter(now.minus(config.tickDelay()))) {
            tick(now);
        }
    }

    /** Judges every rule state due at {@code now}; returns how many were judged. */
    public int tick(Instant now) {
        Map<String, List<String>> dueByHall = QuarkusTransaction.requiringNew().call(() -> due(now));
        int judged = 0;
        for (Map.Entry<String, List<String>> hall : dueByHall.entrySet()) {
            try {
                QuarkusTransaction.requiringNew().run(() -> judge(hall.getKey(), hall.getValue(), now));
                judged += hall.getValue().size();
            } catch (RuntimeException e) {
                Log.errorf(e, "Rule tick for hall %s failed; it is tried again at the next tick", hall.getKey());
            }
        }
        return judged;
    }

    private Map<String, List<String>> due(Instant now) {
        List<Object[]> rows = em.createQuery("select r.hallId, r.id from RuleState r where r.dueAt <= :now order by r.dueAt",
                Object[].class).setParameter("now", now).setMaxResults(config.tickLimit()).getResultList();
        Map<String, List<String>> byHall = new LinkedHashMap<>();
        rows.forEach(row -> byHall.computeIfAbsent((String) row[0], h -> new ArrayList<>()).add((String) row[1]));
        return byHall;
    }

    private void judge(String hallId, List<String> ids, Instant now) {
        HallContext hall = rules.lock(hallId);
        for (String id : ids) {
            RuleState row = em.find(RuleState.class, id);
            RuleRunner runner = runners.get(row == null ? null : row.rule);
            if (row == null || !Times.reached(row.dueAt, now)) {
                continue;
            }
            if (runner == null) {
                Log.warnf("No rule runner for stored rule %s; clearing its due time", row.rule);
                row.dueAt = null;
                continue;
            }
            runner.onDue(hall, row.subject, now);
        }
    }
}
