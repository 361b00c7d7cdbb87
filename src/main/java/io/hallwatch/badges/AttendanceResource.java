package io.hallwatch.badges;

import io.hallwatch.badges.AttendanceApi.AttendanceView;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Staff attendance: judged days and yearly tallies (docs/attendance.md). Personal data: hall managers
 * see their halls' staff, a person with the role staff only their own days (whatever they ask for).
 */
@Path("/api/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER, Caller.STAFF_ROLE})
public class AttendanceResource {

    @Inject
    AttendanceReport report;
    @Inject
    Access access;

    @GET
    @Operation(summary = "Days and yearly tallies of a hall's staff or one staff member; dates inclusive, at most 400 days"
            + " (default: Jan 1 of this year to today, hall time zone). A person with the role staff gets their own,"
            + " without hall or staff")
    @APIResponse(responseCode = "200", description = "Finalised days, today's provisional day, tallies")
    @APIResponse(responseCode = "400", description = "Neither hall nor staff, bad date, to before from, span too long")
    @APIResponse(responseCode = "404", description = "No such hall or staff member (or not one the caller may see)")
    public AttendanceView query(@QueryParam("hall") String hall, @QueryParam("staff") String staff,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        Access.Subject subject = access.attendance(hall, staff);
        return report.query(subject.hall(), subject.staff(), from, to);
    }
}
