package io.hallwatch.users;

import io.hallwatch.workorders.WorkOrderQueries;
import io.hallwatch.workorders.WorkOrderView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The logged-in person and their open orders: what the crew page on a phone shows. */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER, Caller.OPS, Caller.CLEANING})
public class MeResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    WorkOrderQueries orders;

    @GET
    @Operation(summary = "Who is logged in: roles, halls and the teams whose orders they handle")
    public UserApi.Me me() {
        Caller caller = Caller.of(identity);
        return new UserApi.Me(caller.username(), List.copyOf(caller.roles()), List.copyOf(caller.halls()),
                caller.teams().stream().map(t -> t.wire()).toList());
    }

    @GET
    @Path("work-orders")
    @Operation(summary = "The open and acknowledged orders of the caller's teams in their halls, most urgent first")
    public List<WorkOrderView> workOrders() {
        return orders.mine(Caller.of(identity));
    }
}
