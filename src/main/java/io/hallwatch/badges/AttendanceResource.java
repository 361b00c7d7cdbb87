package io.hallwatch.badges;

import io.hallwatch.badges.AttendanceApi.AttendanceView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Staff attendance: judged days and yearly tallies (docs/attendance.md). */
@Path("/api/attendance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance")
public class AttendanceResource {

    @Inject
    AttendanceReport report;

    @GET
    @Operation(summary = "Days and yearly tallies of a hall's staff or one staff member; dates inclusive, at most 400 days"
            + " (default: Jan 1 of this year to today, hall time zone)")
    @APIResponse(responseCode = "200", description = "Finalised days, today's provisional day, tallies")
    @APIResponse(responseCode = "400", description = "Neither hall nor staff, bad date, to before from, span too long")
    @APIResponse(responseCode = "404", description = "No such hall or staff member")
    public AttendanceView query(@QueryParam("hall") String hall, @QueryParam("staff") String staff,
            @QueryParam("from") String from, @QueryParam("to") String to) {
        return report.query(hall, staff, from, to);
    }
}
