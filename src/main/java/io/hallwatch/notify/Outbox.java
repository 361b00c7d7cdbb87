package io.hallwatch.notify;

import io.hallwatch.halls.Hall;
import io.hallwatch.platform.Json;
import io.hallwatch.platform.TransactionEnd;
import io.hallwatch.workorders.OrderChanged;
import io.hallwatch.workorders.Team;
import io.hallwatch.workorders.WorkOrder;
import io.hallwatch.workorders.WorkOrderView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the outbox rows for an order change, in the transaction of the change: one per destination
 * (the MQTT alerts topic of each team told, and each of that team's enabled channels). Opens go to the
 * order's team; escalations to the team and the hall managers; closes to whoever heard of the order.
 * A close by the sensors waits out the hall's re-open window: if the condition returns in it, the
 * close is cancelled and the re-open says nothing, so a flapping sensor makes one message, not many.
 */
@ApplicationScoped
public class Outbox {

    private static final String WAKE = "hallwatch.notify.wake";

    @Inject
    Clock clock;
    @Inject
    Dispatcher dispatcher;
    @Inject
    TransactionSynchronizationRegistry transactions;

    void onChange(@Observes OrderChanged change) {
        WorkOrder order = change.order();
        switch (change.kind()) {
            case OPENED -> write(change, "opened", Set.of(order.team), Duration.ZERO);
            case REOPENED -> {
                if (!withdrawClose(change)) {
                    write(change, "opened", told(order), Duration.ZERO);
                }
            }
            case ESCALATED -> write(change, "escalated", EnumSet.of(order.team, Team.MANAGERS), Duration.ZERO);
            case AUTO_RESOLVED -> write(change, "resolved", told(order),
                    Duration.ofSeconds(change.hall().rules.withDefaults().reopenWindowSeconds()));
            case RESOLVED -> write(change, "resolved", told(order), Duration.ZERO);
            default -> {
                // Acknowledgements, notes and cleared holds change nothing the crew must hear of.
            }
        }
    }

    private static Set<Team> told(WorkOrder order) {
        return order.escalations > 0 ? EnumSet.of(order.team, Team.MANAGERS) : EnumSet.of(order.team);
    }

    /**
     * Withdraws the close still waiting out the re-open window. True when nobody heard of the close;
     * false when there was none, or when some destination already has it (being sent, or sent), so
     * everyone must hear that the order is open again.
     */
    private boolean withdrawClose(OrderChanged change) {
        WorkOrder order = change.order();
        int withdrawn = Notification.update("status = ?1, lastError = ?2 where orderId = ?3 and event = 'resolved'"
                + " and status = ?4", Notification.Status.CANCELLED, "the condition returned within the re-open window",
                order.id, Notification.Status.PENDING);
        Instant windowStart = clock.instant().minusSeconds(change.hall().rules.withDefaults().reopenWindowSeconds() + 60L);
        long heard = Notification.count("orderId = ?1 and event = 'resolved' and status in ?2 and createdAt >= ?3", order.id,
                List.of(Notification.Status.SENDING, Notification.Status.SENT), windowStart);
        return withdrawn > 0 && heard == 0;
    }

    private void write(OrderChanged change, String event, Set<Team> teams, Duration delay) {
        Hall hall = change.hall();
        String payload = payload(change, event);
        Instant now = clock.instant();
        if (delay.isZero()) {
            wakeAfterCommit();
        }
        for (Team team : teams) {
            add(change.order(), hall, team, null, event, payload, now, delay);
            List<Channel> channels = Channel.enabledFor(hall.id, team);
            channels.forEach(c -> add(change.order(), hall, team, c.id, event, payload, now, delay));
        }
    }

    /** Once per transaction: when it commits, the dispatcher looks at the outbox at once. */
    private void wakeAfterCommit() {
        if (transactions.getResource(WAKE) != null) {
            return;
        }
        transactions.putResource(WAKE, Boolean.TRUE);
        TransactionEnd.onCommit(transactions, dispatcher::wake);
    }

    private static void add(WorkOrder order, Hall hall, Team team, Long channelId, String event, String payload,
            Instant now, Duration delay) {
        Notification n = new Notification();
        n.orderId = order.id;
        n.hallId = hall.id;
        n.team = team;
        n.channelId = channelId;
        n.event = event;
        n.payload = payload;
        n.status = Notification.Status.PENDING;
        n.createdAt = now;
        n.dueAt = now.plus(delay);
        n.persist();
    }

    /** The order as contract section 5 shows it, plus {@code event} and, for people, the reason. */
    private static String payload(OrderChanged change, String event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("event", event);
        body.putAll(Json.toMap(WorkOrderView.of(change.order(), null)));
        if (change.reason() != null) {
            body.put("reason", change.reason());
        }
        return Json.write(body);
    }
}
