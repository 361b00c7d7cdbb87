package io.hallwatch.workorders;

import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Work orders the hall rules opened (contract, section 5). */
@Path("/api/work-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Work orders")
public class WorkOrderResource {

    @Inject
    WorkOrderQueries orders;

    @GET
    @Operation(summary = "Work orders, newest first, filtered by hall, status, type and team")
    @APIResponse(responseCode = "400", description = "Unknown status, type or team, or a limit out of range")
    @APIResponse(responseCode = "404", description = "No such hall")
    public List<WorkOrderView> list(@QueryParam("hall") String hall, @QueryParam("status") String status,
            @QueryParam("type") String type, @QueryParam("team") String team,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        return orders.list(new WorkOrderQueries.Filter(hall, status, type, team, limit));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One work order with its history: each change, when, by whom or which sensor, and why")
    @APIResponse(responseCode = "404", description = "No such work order")
    public WorkOrderView get(@PathParam("id") long id) {
        return orders.get(id);
    }
}
