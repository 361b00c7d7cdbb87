package io.hallwatch.audit;

import io.hallwatch.platform.Json;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Map;

/**
 * Writes the audit trail. {@link #record} joins the transaction of the change it records (and fails
 * without one), so a change and its audit line are committed together or not at all; the actor and
 * address come from the current request. {@link #refused} records a refused login or request in a
 * transaction of its own, since the request it belongs to changes nothing; it may be called from any
 * thread, never throws, and writes at most {@link AuditConfig#refusedPerMinute()} lines a minute per
 * claimed user name and address (and {@link AuditConfig#refusedTotalPerMinute()} in all), counting
 * the rest in one {@value #SUPPRESSED} line per minute. Nothing here updates or deletes a line.
 */
@ApplicationScoped
public class AuditLog {

    public static final String SYSTEM = "system";
    public static final String ANONYMOUS = "anonymous";
    /** The action of the line that counts the refusals of a minute that got no line of their own. */
    public static final String SUPPRESSED = "audit.suppressed";
    /** Longest {@code details} kept whole; longer ones are cut and marked {@code truncated}. */
    static final int MAX_DETAILS = 20_000;

    @Inject
    Clock clock;
    @Inject
    EntityManager em;
    @Inject
    AuditConfig config;
    @Inject
    Instance<SecurityIdentity> identity;
    @Inject
    Instance<CurrentVertxRequest> request;

    private RefusalThrottle throttle;

    @PostConstruct
    void init() {
        throttle = new RefusalThrottle(config.refusedPerMinute(), config.refusedTotalPerMinute());
    }

    /**
     * Records a change by the caller of the current request (or {@code system} outside one).
     *
     * @param action  what was done, {@code <thing>.<verb>}: {@code user.create}, {@code device.revoke}...
     * @param hall    the hall it concerns, or null
     * @param target  the id of what was changed (user name, device id, window id, order id)
     * @param details what changed, written as JSON (never a password or a secret); see {@link Changes}
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String hall, String target, Object details) {
        insert(actor(), address(), action, hall, target, AuditEvent.DONE, details);
    }

    /**
     * Records a refused login or request, in a transaction of its own; {@code actor} as claimed (null:
     * {@code anonymous}), {@code address} the client's (null: the current request's).
     */
    public void refused(String actor, String address, String action, String target, Object details) {
        String claimed = actor == null || actor.isBlank() ? ANONYMOUS : clip(actor, 200);
        String from = address != null ? address : address();
        if (!throttle.admit(claimed, from, clock.instant())) {
            return;
        }
        Runnable write = () -> writeRefused(claimed, from, action, target, details);
        if (BlockingOperationControl.isBlockingAllowed()) {
            write.run();
        } else {
            // A login is checked on an event-loop thread, which must never wait for the database.
            Infrastructure.getDefaultWorkerPool().execute(write);
        }
    }

    /** Writes one line per past minute in which refusals were counted but not written. */
    @Scheduled(every = "60s", delayed = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void summarise() {
        for (RefusalThrottle.Summary summary : throttle.finished(clock.instant())) {
            writeRefused(SYSTEM, null, SUPPRESSED, null, summary);
        }
    }

    private void writeRefused(String actor, String address, String action, String target, Object details) {
        try {
            QuarkusTransaction.requiringNew().run(
                    () -> insert(actor, address, action, null, target, AuditEvent.REFUSED, details));
        } catch (RuntimeException e) {
            // The refusal itself stands; only its record is lost, which the log at least shows.
            Log.warnf("Could not record refused %s by %s from %s: %s", action, actor, address, e.getMessage());
        }
    }

    private void insert(String actor, String address, String action, String hall, String target, String outcome,
            Object details) {
        AuditEvent event = new AuditEvent();
        event.at = clock.instant();
        event.actor = clip(actor, 200);
        event.address = clip(address, 100);
        event.action = clip(action, 100);
        event.hall = clip(hall, 64);
        event.target = clip(target, 200);
        event.outcome = outcome;
        event.details = json(details);
        em.persist(event);
    }

    /** {@code details} as JSON; too long, its start only, marked {@code truncated}, still valid JSON. */
    static String json(Object details) {
        if (details == null) {
            return null;
        }
        String text = Json.write(details);
        if (text.length() <= MAX_DETAILS) {
            return text;
        }
        return Json.write(Map.of("truncated", true, "length", text.length(), "start", text.substring(0, 2_000)));
    }

    /** The caller's name, or {@code system} for work no person asked for. */
    public String actor() {
        try {
            SecurityIdentity caller = identity.get();
            return caller == null || caller.isAnonymous() ? SYSTEM : caller.getPrincipal().getName();
        } catch (RuntimeException outsideRequest) {
            return SYSTEM;
        }
    }

    /** The client's address of the current request, or null outside one. */
    public String address() {
        try {
            CurrentVertxRequest current = request.get();
            return current == null || current.getCurrent() == null ? null
                    : current.getCurrent().request().remoteAddress().hostAddress();
        } catch (RuntimeException outsideRequest) {
            return null;
        }
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
