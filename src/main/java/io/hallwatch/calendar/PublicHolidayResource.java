package io.hallwatch.calendar;

import io.hallwatch.calendar.CalendarApi.HolidayUpload;
import io.hallwatch.calendar.CalendarApi.HolidayYearSummary;
import io.hallwatch.calendar.CalendarApi.HolidayYearView;
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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Public holidays and make-up workdays per year: the shipped data, and uploads that replace a year.
 * Read by ops staff and managers; an upload changes every hall's calendar, so only ops staff for
 * every hall change it.
 */
@Path("/api/calendar/public-holidays")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
@RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
public class PublicHolidayResource {

    @Inject
    PublicHolidayService holidays;
    @Inject
    Access access;

    @GET
    @Operation(summary = "The years with data, and where each comes from")
    public List<HolidayYearSummary> years() {
        return holidays.years();
    }

    @GET
    @Path("{year}")
    @Operation(summary = "The effective data of a year and where it comes from (SHIPPED or UPLOADED)")
    @APIResponse(responseCode = "200", description = "The year's dates")
    @APIResponse(responseCode = "400", description = "Invalid year")
    @APIResponse(responseCode = "404", description = "No data for that year")
    public HolidayYearView year(@PathParam("year") String year) {
        return holidays.year(CalendarApi.year(year));
    }

    @PUT
    @Path("{year}")
    @RolesAllowed({Caller.ADMIN, Caller.OPS})
    @Operation(summary = "Replace a year's data with the uploaded list (wins over the shipped data)")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Dates outside the year, duplicate dates or invalid kinds")
    @APIResponse(responseCode = "403", description = "The caller does not work for every hall")
    public HolidayYearView replace(@PathParam("year") String year, @Valid @NotNull HolidayUpload upload) {
        access.everyHall("changing the public holidays");
        return holidays.replace(CalendarApi.year(year), upload);
    }

    @DELETE
    @Path("{year}")
    @RolesAllowed({Caller.ADMIN, Caller.OPS})
    @Operation(summary = "Remove the uploaded data of a year, going back to the shipped data")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "The caller does not work for every hall")
    @APIResponse(responseCode = "404", description = "Nothing uploaded for that year")
    public void delete(@PathParam("year") String year) {
        access.everyHall("changing the public holidays");
        holidays.delete(CalendarApi.year(year));
    }
}
