package io.hallwatch.badges;

import io.hallwatch.rules.HallRules;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Starts the attendance rules of halls that have staff but have not started them (no badge tap and no
 * leave yet), so that a hall whose staff never badge in still has its days judged as absent. Runs
 * periodically ({@code hallwatch.attendance.start-interval}, default 10 minutes), one transaction per hall.
 */
@ApplicationScoped
public class AttendanceStarter {

    @Inject
    EntityManager em;
    @Inject
    HallRules rules;
    @Inject
    AttendanceRules attendance;
    @Inject
    Clock clock;

    @Scheduled(every = "${hallwatch.attendance.start-interval:10m}", delayed = "${hallwatch.rules.tick-delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        startAll(clock.instant());
    }

    /** Starts every hall that needs it; returns how many were started. */
    public int startAll(Instant now) {
        List<String> halls = QuarkusTransaction.requiringNew().call(this::notStarted);
        int started = 0;
        for (String hallId : halls) {
            try {
                QuarkusTransaction.requiringNew().run(() -> attendance.ensure(rules.lock(hallId), now));
                started++;
            } catch (RuntimeException e) {
                Log.errorf(e, "Starting attendance rules for hall %s failed; tried again at the next sweep", hallId);
            }
        }
        return started;
    }

    private List<String> notStarted() {
        return em.createQuery("select h.id from Hall h"
                + " where exists (select s.id from Staff s where s.hallId = h.id)"
                + " and not exists (select r.id from RuleState r where r.hallId = h.id and r.rule = :rule)", String.class)
                .setParameter("rule", AttendanceRules.RULE).getResultList();
    }
}
