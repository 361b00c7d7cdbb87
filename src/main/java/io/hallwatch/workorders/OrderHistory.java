package io.hallwatch.workorders;

import io.hallwatch.halls.Hall;
import io.hallwatch.workorders.WorkOrderEvent.Kind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Adds entries to orders' histories and tells observers ({@link OrderChanged}) in the same transaction. */
@ApplicationScoped
public class OrderHistory {

    @Inject
    Event<OrderChanged> changed;

    void record(Hall hall, WorkOrder order, Kind kind, Instant at, String actor, String reason,
            Map<String, Object> evidence) {
        WorkOrderEvent event = new WorkOrderEvent();
        event.orderId = order.id;
        event.at = at;
        event.event = kind;
        event.status = order.status;
        event.actor = actor;
        event.reason = reason;
        event.evidence = new LinkedHashMap<>(evidence);
        event.persist();
        changed.fire(new OrderChanged(hall, order, kind, at, reason));
    }
}
