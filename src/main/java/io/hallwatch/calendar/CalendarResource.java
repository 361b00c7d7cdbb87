package io.hallwatch.calendar;

import io.hallwatch.calendar.CalendarApi.DayBody;
import io.hallwatch.calendar.CalendarApi.Schedule;
import io.hallwatch.calendar.CalendarDayService.Saved;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

/**
 * A hall's calendar: its hall-specific days and its effective schedule, per day. For ops staff and
 * hall managers of the hall; another hall is 404.
 */
@Path("/api/halls/{hall}/calendar")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
@RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
public class CalendarResource {

    @Inject
    CalendarDayService days;
    @Inject
    Access access;

    @GET
    @Operation(summary = "Effective schedule per day (to inclusive, at most 400 days; default: a week from today)")
    @APIResponse(responseCode = "200", description = "The schedule")
    @APIResponse(responseCode = "400", description = "Invalid dates or range")
    @APIResponse(responseCode = "404", description = "No such hall or window")
    public Schedule schedule(@PathParam("hall") String hall, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("window") String window) {
        access.hall(hall);
        return days.schedule(hall, CalendarApi.date("from", from), CalendarApi.date("to", to),
                window == null || window.isBlank() ? null : window);
    }

    @GET
    @Path("days")
    @Operation(summary = "Hall-specific days (closures, extra openings, changed hours) from and to inclusive")
    @APIResponse(responseCode = "200", description = "The hall days in date order")
    @APIResponse(responseCode = "404", description = "No such hall")
    public List<CalendarDay> list(@PathParam("hall") String hall, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        access.hall(hall);
        return days.days(hall, CalendarApi.date("from", from), CalendarApi.date("to", to));
    }

    @PUT
    @Path("days/{date}")
    @Operation(summary = "Create or replace the hall-specific day of a date")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid day")
    @APIResponse(responseCode = "404", description = "No such hall")
    public Response put(@PathParam("hall") String hall, @PathParam("date") String date,
            @Valid @NotNull DayBody body, @Context UriInfo uri) {
        access.hall(hall);
        Saved saved = days.put(hall, CalendarApi.date("date", date), body);
        return saved.created()
                ? Response.created(uri.getAbsolutePath()).entity(saved.day()).build()
                : Response.ok(saved.day()).build();
    }

    @DELETE
    @Path("days/{date}")
    @Operation(summary = "Remove the hall-specific day of a date")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such hall or no hall day on that date")
    public void delete(@PathParam("hall") String hall, @PathParam("date") String date) {
        access.hall(hall);
        days.delete(hall, CalendarApi.date("date", date));
    }
}
