package io.hallwatch.halls;

import io.hallwatch.halls.HallApi.CreateStaff;
import io.hallwatch.halls.HallApi.StaffView;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff members and their badge cards (contract, section 4): ops staff and managers, within their halls. */
@Path("/api/staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Staff")
@RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
public class StaffResource {

    @Inject
    HallService halls;
    @Inject
    Access access;

    @POST
    @Operation(summary = "Register a staff member and their card UID")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid staff member")
    @APIResponse(responseCode = "404", description = "No such hall")
    @APIResponse(responseCode = "409", description = "Id or card already registered")
    public Response create(@Valid @NotNull CreateStaff request, @Context UriInfo uri) {
        access.hall(request.hall());
        StaffView view = halls.createStaff(request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "Staff members of one hall, or of all the caller's halls")
    @APIResponse(responseCode = "404", description = "No such hall")
    public List<StaffView> list(@QueryParam("hall") String hall) {
        access.hall(hall);
        return halls.staff(hall).stream().filter(s -> access.sees(s.hall())).toList();
    }
}
