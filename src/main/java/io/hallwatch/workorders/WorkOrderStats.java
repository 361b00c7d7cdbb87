package io.hallwatch.workorders;

import io.hallwatch.halls.HallService;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * How fast orders were handled ({@code GET /api/work-orders/stats}): for the orders opened in a period,
 * counts and the median and 90th percentile of the time to acknowledge and to resolve, per type and per
 * team. Times are whole seconds from {@code openedAt}; percentiles are nearest-rank.
 */
@ApplicationScoped
@Transactional
public class WorkOrderStats {

    @Inject
    EntityManager em;
    @Inject
    HallService halls;

    /** Median and 90th percentile in seconds, over {@code count} orders; null when there are none. */
    public record Timing(int count, Long medianSeconds, Long p90Seconds) {

        static Timing of(List<Long> seconds) {
            List<Long> sorted = seconds.stream().sorted().toList();
            return new Timing(sorted.size(), rank(sorted, 0.5), rank(sorted, 0.9));
        }

        private static Long rank(List<Long> sorted, double p) {
            return sorted.isEmpty() ? null : sorted.get((int) Math.ceil(p * sorted.size()) - 1);
        }
    }

    /** One group's figures: {@code type} is null in the per-team groups. */
    public record Group(WorkOrderType type, Team team, int opened, int open, int acknowledged, int resolved,
            int autoResolved, int escalated, Timing timeToAcknowledge, Timing timeToResolve) {
    }

    public record Stats(String hall, Instant from, Instant to, Group all, List<Group> byType, List<Group> byTeam) {
    }

    /** One order's times, as read for the figures. */
    record Row(WorkOrderType type, Team team, WorkOrderStatus status, Instant openedAt, Instant acknowledgedAt,
            Instant resolvedAt, int escalations) {
    }

    public Stats compute(String hall, Instant from, Instant to, Caller caller) {
        if (hall != null) {
            halls.require(hall);
            if (!caller.worksIn(hall)) {
                throw ProblemException.notFound("hall '" + hall + "' does not exist");
            }
        }
        if (!from.isBefore(to)) {
            throw ProblemException.badRequest("from must be before to");
        }
        List<Row> rows = rows(hall, from, to).stream().filter(r -> caller.handles(r.hall, r.row.team()))
                .map(r -> r.row).toList();
        return new Stats(hall, from, to, group(null, null, rows), groups(rows, Row::type, t -> t.team()),
                groups(rows, Row::team, t -> t));
    }

    private <K extends Comparable<K>> List<Group> groups(List<Row> rows, Function<Row, K> key, Function<K, Team> team) {
        Map<K, List<Row>> byKey = new TreeMap<>();
        rows.forEach(r -> byKey.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r));
        List<Group> groups = new ArrayList<>();
        byKey.forEach((k, list) -> groups.add(group(k instanceof WorkOrderType t ? t : null, team.apply(k), list)));
        groups.sort(Comparator.comparing(g -> g.team()));
        return groups;
    }

    static Group group(WorkOrderType type, Team team, List<Row> rows) {
        List<Long> toAck = new ArrayList<>();
        List<Long> toResolve = new ArrayList<>();
        int open = 0;
        int resolved = 0;
        int auto = 0;
        int escalated = 0;
        for (Row r : rows) {
            if (r.acknowledgedAt() != null) {
                toAck.add(seconds(r.openedAt(), r.acknowledgedAt()));
            }
            if (r.resolvedAt() != null) {
                toResolve.add(seconds(r.openedAt(), r.resolvedAt()));
            }
            open += r.status() == WorkOrderStatus.OPEN || r.status() == WorkOrderStatus.ACKNOWLEDGED ? 1 : 0;
            resolved += r.status() == WorkOrderStatus.RESOLVED ? 1 : 0;
            auto += r.status() == WorkOrderStatus.AUTO_RESOLVED ? 1 : 0;
            escalated += r.escalations() > 0 ? 1 : 0;
        }
        return new Group(type, team, rows.size(), open, toAck.size(), resolved, auto, escalated, Timing.of(toAck),
                Timing.of(toResolve));
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toSeconds());
    }

    private record HallRow(String hall, Row row) {
    }

    private List<HallRow> rows(String hall, Instant from, Instant to) {
        String jpql = "select o.hallId, o.type, o.team, o.status, o.openedAt, o.acknowledgedAt, o.resolvedAt, o.escalations"
                + " from WorkOrder o where o.openedAt >= :from and o.openedAt < :to"
                + (hall == null ? "" : " and o.hallId = :hall");
        var query = em.createQuery(jpql, Object[].class).setParameter("from", from).setParameter("to", to);
        if (hall != null) {
            query.setParameter("hall", hall);
        }
        return query.getResultList().stream().map(c -> new HallRow((String) c[0], new Row((WorkOrderType) c[1],
                (Team) c[2], (WorkOrderStatus) c[3], (Instant) c[4], (Instant) c[5], (Instant) c[6], (Integer) c[7])))
                .toList();
    }
}
