package io.hallwatch.workorders;

import java.time.Instant;
import java.util.Map;

/**
 * What a rule asks of {@link WorkOrderService} for one subject. Rules are plain Java and return
 * commands; the service makes them idempotent (opening an open order, or resolving a closed one,
 * changes nothing but its evidence). {@code actor} names the rule and the evidence, e.g.
 * {@code "rule:OFF_POST sensor:p-12"}.
 */
public sealed interface OrderCommand {

    WorkOrderType type();

    String subject();

    Instant at();

    /**
     * Opens an order, or re-opens the same one when its condition cleared less than the hall's
     * re-open window ago. {@code since} is when the condition began (device time).
     */
    record Open(WorkOrderType type, String subject, Instant at, Instant since, Severity severity, Text summary,
            Map<String, Object> details, String actor) implements OrderCommand {
    }

    /** Raises the open order's severity (for example a bin past its critical fill). */
    record Escalate(WorkOrderType type, String subject, Instant at, Severity severity, Text reason,
            Map<String, Object> details, String actor) implements OrderCommand {
    }

    /** The condition cleared: the open order becomes AUTO_RESOLVED with this evidence. */
    record Resolve(WorkOrderType type, String subject, Instant at, Text reason, Map<String, Object> details,
            String actor) implements OrderCommand {
    }

    /**
     * Adds evidence to the open order (for example another unknown card at the same reader), kept in
     * its details and history; nothing happens when no order is open.
     */
    record Note(WorkOrderType type, String subject, Instant at, Text reason, Map<String, Object> details,
            String actor) implements OrderCommand {
    }
}
