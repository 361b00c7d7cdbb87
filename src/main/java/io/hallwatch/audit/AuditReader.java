package io.hallwatch.audit;

import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads the audit trail for an auditor, newest first. An auditor of every hall ({@code *}) sees every
 * line; an auditor of some halls sees only the lines of those halls, not the installation-wide ones
 * (people, public holidays, refused logins), which concern other halls' people too.
 */
@ApplicationScoped
@Transactional
public class AuditReader {

    @Inject
    EntityManager em;

    /** One page of lines, and how many lines the filter matches in all. */
    public record Page(long total, List<AuditView> events) {
    }

    public Page page(AuditFilter filter, Caller auditor) {
        if (filter.hall() != null && !auditor.worksIn(filter.hall())) {
            throw ProblemException.forbidden("you audit halls " + new TreeSet<>(auditor.halls()) + " only");
        }
        if (!auditor.allHalls() && auditor.halls().isEmpty()) {
            return new Page(0, List.of());
        }
        Map<String, Object> parameters = new HashMap<>();
        String where = where(filter, auditor, parameters);
        TypedQuery<Long> count = em.createQuery("select count(e) from AuditEvent e where " + where, Long.class);
        TypedQuery<AuditEvent> rows = em.createQuery(
                "from AuditEvent e where " + where + " order by e.at desc, e.id desc", AuditEvent.class);
        parameters.forEach(count::setParameter);
        parameters.forEach(rows::setParameter);
        List<AuditView> events = rows.setFirstResult(filter.offset()).setMaxResults(filter.limit()).getResultStream()
                .map(AuditView::of).toList();
        return new Page(count.getSingleResult(), events);
    }

    private static String where(AuditFilter filter, Caller auditor, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        condition(conditions, parameters, "e.at >= :from", "from", filter.from());
        condition(conditions, parameters, "e.at < :to", "to", filter.to());
        condition(conditions, parameters, "e.actor = :actor", "actor", filter.actor());
        condition(conditions, parameters, "e.hall = :hall", "hall", filter.hall());
        condition(conditions, parameters, "e.target = :target", "target", filter.target());
        condition(conditions, parameters, "e.outcome = :outcome", "outcome", filter.outcome());
        if (filter.action() != null) {
            condition(conditions, parameters, "e.action like :action escape '!'", "action", likePrefix(filter.action()));
        }
        if (!auditor.allHalls()) {
            condition(conditions, parameters, "e.hall in :scope", "scope", List.copyOf(auditor.halls()));
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    private static void condition(List<String> conditions, Map<String, Object> parameters, String condition,
            String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
    }

    /** {@code prefix%}, with the LIKE wildcards of the prefix itself taken literally. */
    static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
