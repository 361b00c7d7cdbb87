package io.hallwatch.workorders;

import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Work orders (contract, section 5): lists and history for everyone who handles them, within their
 * halls and teams; acknowledge and resolve by the person who does it.
 */
@Path("/api/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER, Caller.OPS, Caller.CLEANING})
public class WorkOrderResource {

    /** Body of {@code POST /api/work-orders/{id}/resolve}; the note is optional. */
    public record ResolveBody(@Size(max = 1000) String note) {
    }

    @Inject
    WorkOrderQueries orders;
    @Inject
    WorkOrderActions actions;
    @Inject
    WorkOrderStats stats;
    @Inject
    SecurityIdentity identity;
    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Work orders filtered by hall, status, type and team; sorted newest (default), oldest or"
            + " updated; paged by limit and offset, the total in X-Total-Count")
    @APIResponse(responseCode = "400", description = "Unknown status, type, team or sort, or a limit out of range")
    @APIResponse(responseCode = "404", description = "No such hall")
    public Response list(@QueryParam("hall") String hall, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("team") String team,
            @QueryParam("limit") @DefaultValue("100") int limit, @QueryParam("offset") @DefaultValue("0") int offset,
            @QueryParam("sort") String sort) {
        var page = orders.list(new WorkOrderQueries.Filter(hall, status, type, team, limit, offset, sort), caller());
        return Response.ok(page.orders()).header("X-Total-Count", page.total()).build();
    }

    @GET
    @Path("stats")
    @Operation(summary = "Counts and time to acknowledge and to resolve (median, 90th percentile) per type and team"
            + " for the orders opened from `from` to `to` (RFC 3339; default the last 7 days)")
    @APIResponse(responseCode = "400", description = "from or to malformed, or from not before to")
    public WorkOrderStats.Stats stats(@QueryParam("hall") String hall, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        Instant end = to == null ? clock.instant() : instant("to", to);
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : instant("from", from);
        return stats.compute(hall, start, end, caller());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One work order with its history: each change, when, by whom or which sensor, and why")
    @APIResponse(responseCode = "404", description = "No such work order (or not one of the caller's)")
    public WorkOrderView get(@PathParam("id") long id) {
        return orders.get(id, caller());
    }

    @POST
    @Path("{id}/ack")
    @Operation(summary = "Acknowledged by the caller; acknowledging again changes nothing")
    @APIResponse(responseCode = "403", description = "The order is for a team the caller is not in")
    @APIResponse(responseCode = "409", description = "The order is already resolved")
    public WorkOrderView acknowledge(@PathParam("id") long id) {
        return actions.acknowledge(id, caller());
    }

    @POST
    @Path("{id}/resolve")
    @Operation(summary = "Resolved by the caller, with an optional note; if the sensors still see the condition,"
            + " no new order opens until it clears")
    @APIResponse(responseCode = "403", description = "The order is for a team the caller is not in")
    @APIResponse(responseCode = "409", description = "The order is already resolved")
    public WorkOrderView resolve(@PathParam("id") long id, @Valid ResolveBody body) {
        return actions.resolve(id, caller(), body == null ? null : body.note());
    }

    private Caller caller() {
        return Caller.of(identity);
    }

    private static Instant instant(String name, String text) {
        try {
            return java.time.OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name + " must be an RFC 3339 time such as 2026-11-01T00:00:00+08:00");
        }
    }
}
