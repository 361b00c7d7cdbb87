package io.hallwatch.workorders;

import io.hallwatch.halls.Hall;
import java.time.Instant;

/**
 * A CDI event fired, synchronously and inside the transaction that made it, for every entry added to
 * an order's history; notifications observe it to write their outbox rows in the same transaction.
 */
public record OrderChanged(Hall hall, WorkOrder order, WorkOrderEvent.Kind kind, Instant at, String reason) {
}
