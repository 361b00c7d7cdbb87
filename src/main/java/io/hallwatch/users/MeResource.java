package io.hallwatch.users;

import io.hallwatch.workorders.WorkOrderQueries;
import io.hallwatch.workorders.WorkOrderView;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The logged-in person, whatever their role: who they are, their open orders (what the crew page on a
 * phone shows; none for roles that handle no team), and their own password.
 */
@Path("/api/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@Authenticated
public class MeResource {

    @Inject
    SecurityIdentity identity;
    @Inject
    WorkOrderQueries orders;
    @Inject
    UserService users;

    @GET
    @Operation(summary = "Who is logged in: roles, halls, the teams whose orders they handle, the staff member they are")
    public UserApi.Me me() {
        Caller caller = Caller.of(identity);
        return new UserApi.Me(caller.username(), List.copyOf(caller.roles()), List.copyOf(caller.halls()),
                caller.teams().stream().map(t -> t.wire()).toList(), caller.staffId());
    }

    @GET
    @Path("work-orders")
    @Operation(summary = "The open and acknowledged orders of the caller's teams in their halls, most urgent first")
    public List<WorkOrderView> workOrders() {
        return orders.mine(Caller.of(identity));
    }

    @PUT
    @Path("password")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Changes the caller's password; the old one stops working at once")
    @APIResponse(responseCode = "204", description = "Changed")
    @APIResponse(responseCode = "400", description = "current is wrong, or the new password is weak (the detail names the rule)")
    @APIResponse(responseCode = "409", description = "The admin account or a single sign-on login: no password here")
    @APIResponse(responseCode = "429", description = "Too many wrong passwords for this user name or from this address")
    public void changePassword(@Valid @NotNull UserApi.ChangePassword body, @Context HttpServerRequest http) {
        users.changePassword(identity, body, http.remoteAddress() == null ? null : http.remoteAddress().hostAddress());
    }
}
