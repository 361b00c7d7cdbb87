package io.hallwatch.workorders;

import io.hallwatch.halls.HallService;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads work orders for REST: filtered, sorted and paged lists, one order with its history, and a
 * person's open orders. Everyone sees only the halls they work for and the teams they handle.
 */
@ApplicationScoped
@Transactional
public class WorkOrderQueries {

    public static final int MAX_LIMIT = 1000;
    private static final Map<String, Sort> SORTS = Map.of(
            "newest", Sort.descending("openedAt", "id"),
            "oldest", Sort.ascending("openedAt", "id"),
            "updated", Sort.descending("updatedAt", "id"));

    @Inject
    HallService halls;

    /** Filters as given on the query string; null means any. */
    public record Filter(String hall, String status, String type, String team, int limit, int offset, String sort) {

        public Filter(String hall, String status, String type, String team, int limit) {
            this(hall, status, type, team, limit, 0, null);
        }
    }

    /** One page of orders and how many match in all. */
    public record OrderPage(List<WorkOrderView> orders, long total) {
    }

    public OrderPage list(Filter filter, Caller caller) {
        if (filter.hall() != null) {
            if (!caller.worksIn(filter.hall())) {
                throw ProblemException.notFound("hall '" + filter.hall() + "' does not exist");
            }
            halls.require(filter.hall());
        }
        if (filter.limit() < 1 || filter.limit() > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        if (filter.offset() < 0) {
            throw ProblemException.badRequest("offset must not be negative");
        }
        Sort sort = SORTS.get(filter.sort() == null ? "newest" : filter.sort());
        if (sort == null) {
            throw ProblemException.badRequest("sort must be one of " + SORTS.keySet());
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "hallId", filter.hall());
        add(where, params, "status", parse(WorkOrderStatus.class, "status", filter.status()));
        add(where, params, "type", parse(WorkOrderType.class, "type", filter.type()));
        add(where, params, "team", filter.team() == null ? null : Team.fromWire(filter.team()).orElseThrow(
                () -> ProblemException.badRequest("team must be one of cleaning, ops, managers")));
        scope(where, params, caller);
        PanacheQuery<WorkOrder> query = WorkOrder.find(String.join(" and ", where), sort, params);
        List<WorkOrderView> page = query.range(filter.offset(), filter.offset() + filter.limit() - 1).list().stream()
                .map(o -> WorkOrderView.of(o, null)).toList();
        return new OrderPage(page, query.count());
    }

    public WorkOrderView get(long id, Caller caller) {
        WorkOrder order = WorkOrder.findById(id);
        if (order == null || !caller.handles(order.hallId, order.team)) {
            throw ProblemException.notFound("work order " + id + " does not exist");
        }
        return WorkOrderView.of(order, WorkOrderEvent.of(order.id).stream().map(WorkOrderView.HistoryEntry::of).toList());
    }

    /**
     * The caller's open and acknowledged orders, the most urgent first: the nearest deadline, then the
     * highest severity, then the oldest.
     */
    public List<WorkOrderView> mine(Caller caller) {
        List<String> where = new ArrayList<>(List.of("status in :open"));
        Map<String, Object> params = new HashMap<>(Map.of("open", Set.of(WorkOrderStatus.OPEN, WorkOrderStatus.ACKNOWLEDGED)));
        scope(where, params, caller);
        Comparator<WorkOrder> urgent = Comparator.comparing((WorkOrder o) -> o.nextDeadlineAt != null ? o.nextDeadlineAt
                : o.resolveDueAt != null ? o.resolveDueAt : Instant.MAX)
                .thenComparing(o -> o.severity, Comparator.reverseOrder()).thenComparing(o -> o.openedAt);
        return WorkOrder.<WorkOrder>find(String.join(" and ", where), params).range(0, MAX_LIMIT - 1)
                .list().stream().sorted(urgent).map(o -> WorkOrderView.of(o, null)).toList();
    }

    private static void scope(List<String> where, Map<String, Object> params, Caller caller) {
        if (!caller.allHalls()) {
            where.add("hallId in :callerHalls");
            params.put("callerHalls", caller.halls().isEmpty() ? Set.of("") : caller.halls());
        }
        if (caller.teams().isEmpty()) {
            where.add("1 = 0");
        } else if (caller.teams().size() < Team.values().length) {
            where.add("team in :callerTeams");
            params.put("callerTeams", caller.teams());
        }
        if (where.isEmpty()) {
            where.add("1 = 1");
        }
    }

    private static void add(List<String> where, Map<String, Object> params, String field, Object value) {
        if (value != null) {
            where.add(field + " = :" + field);
            params.put(field, value);
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, String text) {
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
