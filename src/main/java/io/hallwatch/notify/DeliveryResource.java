package io.hallwatch.notify;

import io.hallwatch.ingest.Topics;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import io.hallwatch.workorders.WorkOrder;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The delivery log of one order: every message about it, where it went and what came of it. */
@Path("/api/work-orders/{id}/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER, Caller.OPS, Caller.CLEANING})
public class DeliveryResource {

    /** One message: to whom and where, about which change, and how its delivery went. */
    public record DeliveryView(Long id, String team, String destination, String event, Notification.Status status,
            Instant createdAt, Instant dueAt, int attempts, Instant sentAt, Integer bundleSize, String lastError) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Transactional
    @Operation(summary = "Each message about the order: destination, event, status, attempts, last error")
    @APIResponse(responseCode = "404", description = "No such work order (or not one of the caller's)")
    public List<DeliveryView> list(@PathParam("id") long id) {
        WorkOrder order = WorkOrder.findById(id);
        if (order == null || !Caller.of(identity).handles(order.hallId, order.team)) {
            throw ProblemException.notFound("work order " + id + " does not exist");
        }
        return Notification.<Notification>list("orderId = ?1 order by id", id).stream().map(DeliveryResource::view).toList();
    }

    private static DeliveryView view(Notification n) {
        String destination;
        if (n.channelId == null) {
            destination = "mqtt:" + Topics.alerts(n.hallId, n.team.wire());
        } else {
            Channel channel = Channel.findById(n.channelId);
            destination = channel == null ? "channel " + n.channelId + " (removed)"
                    : channel.kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + channel.name;
        }
        return new DeliveryView(n.id, n.team.wire(), destination, n.event, n.status, n.createdAt, n.dueAt, n.attempts,
                n.sentAt, n.bundleSize, n.lastError);
    }
}
