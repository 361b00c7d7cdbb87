package io.hallwatch.badges;

import io.hallwatch.badges.AttendanceApi.LeaveRequest;
import io.hallwatch.badges.AttendanceApi.LeaveView;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Leave of a staff member, recorded by the managers of their hall; attendance judges days net of it
 * (docs/attendance.md). A staff member of another hall is 404.
 */
@Path("/api/staff/{id}/leave")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER})
public class LeaveResource {

    @Inject
    LeaveService leave;
    @Inject
    Access access;

    @POST
    @Operation(summary = "Record leave: from/to as dates (whole days, to inclusive) or local date-times yyyy-MM-ddTHH:mm")
    @APIResponse(responseCode = "201", description = "Recorded; finalised days it covers are judged again")
    @APIResponse(responseCode = "400", description = "Bad format, to before from, or longer than 366 days")
    @APIResponse(responseCode = "404", description = "No such staff member")
    public Response create(@PathParam("id") String id, @Valid @NotNull LeaveRequest request, @Context UriInfo uri) {
        access.staff(id);
        LeaveView view = leave.create(id, request);
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(view.id())).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "The staff member's leave, oldest first")
    @APIResponse(responseCode = "404", description = "No such staff member")
    public List<LeaveView> list(@PathParam("id") String id) {
        access.staff(id);
        return leave.list(id);
    }

    @DELETE
    @Path("{leaveId}")
    @Operation(summary = "Remove leave; finalised days it covered are judged again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such staff member or leave")
    public void delete(@PathParam("id") String id, @PathParam("leaveId") long leaveId) {
        access.staff(id);
        leave.delete(id, leaveId);
    }
}
