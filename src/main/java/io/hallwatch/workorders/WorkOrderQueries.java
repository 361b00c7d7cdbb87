package io.hallwatch.workorders;

import io.hallwatch.halls.HallService;
import io.hallwatch.platform.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads work orders for REST: filtered lists, newest first, and one order with its history. */
@ApplicationScoped
@Transactional
public class WorkOrderQueries {

    public static final int MAX_LIMIT = 1000;

    @Inject
    HallService halls;

    /** Filters as given on the query string; null means any. */
    public record Filter(String hall, String status, String type, String team, int limit) {
    }

    public List<WorkOrderView> list(Filter filter) {
        if (filter.hall() != null) {
            halls.require(filter.hall());
        }
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        add(where, params, "hallId", filter.hall());
        add(where, params, "status", parse(WorkOrderStatus.class, "status", filter.status()));
        add(where, params, "type", parse(WorkOrderType.class, "type", filter.type()));
        add(where, params, "team", filter.team() == null ? null : Team.fromWire(filter.team()).orElseThrow(
                () -> ProblemException.badRequest("team must be one of cleaning, ops, managers")));
        if (filter.limit() < 1 || filter.limit() > MAX_LIMIT) {
            throw ProblemException.badRequest("limit must be between 1 and " + MAX_LIMIT);
        }
        Sort newestFirst = Sort.descending("openedAt", "id");
        return WorkOrder.<WorkOrder>find(String.join(" and ", where.isEmpty() ? List.of("1 = 1") : where),
                newestFirst, params).page(Page.ofSize(filter.limit())).list().stream()
                .map(o -> WorkOrderView.of(o, null)).toList();
    }

    public WorkOrderView get(long id) {
        WorkOrder order = WorkOrder.findById(id);
        if (order == null) {
            throw ProblemException.notFound("work order " + id + " does not exist");
        }
        return WorkOrderView.of(order, WorkOrderEvent.of(order.id).stream().map(WorkOrderView.HistoryEntry::of).toList());
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
