package io.hallwatch.halls;

import io.hallwatch.halls.HallApi.CreateHall;
import io.hallwatch.halls.HallApi.CreateWindow;
import io.hallwatch.halls.HallApi.HallSettings;
import io.hallwatch.halls.HallApi.HallView;
import io.hallwatch.halls.HallApi.WindowSettings;
import io.hallwatch.halls.HallApi.WindowView;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Halls and their windows (contract, section 4), and the live status of a hall: for ops staff and hall
 * managers, each within their halls (a hall of others is 404); a new hall only by someone for every hall.
 */
@Path("/api/halls")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Halls")
@RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
public class HallResource {

    @Inject
    HallService halls;
    @Inject
    HallStatusService status;
    @Inject
    Access access;

    @POST
    @RolesAllowed({Caller.ADMIN, Caller.OPS})
    @Operation(summary = "Provision a hall (ops staff for every hall)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid hall")
    @APIResponse(responseCode = "403", description = "The caller does not work for every hall")
    @APIResponse(responseCode = "409", description = "A hall with this id exists")
    public Response create(@Valid @NotNull CreateHall request, @Context UriInfo uri) {
        access.everyHall("creating a hall");
        HallView view = HallView.of(halls.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @Operation(summary = "List the caller's halls")
    public List<HallView> list() {
        return halls.list().stream().filter(h -> access.sees(h.id)).map(HallView::of).toList();
    }

    @GET
    @Path("{hall}")
    @Operation(summary = "A hall with its opening hours and rule settings")
    @APIResponse(responseCode = "404", description = "No such hall")
    public HallView get(@PathParam("hall") String hall) {
        access.hall(hall);
        return HallView.of(halls.require(hall));
    }

    @PUT
    @Path("{hall}")
    @Operation(summary = "Replace name, time zone, opening hours and rule settings")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid settings")
    @APIResponse(responseCode = "404", description = "No such hall")
    public HallView replace(@PathParam("hall") String hall, @Valid @NotNull HallSettings settings) {
        access.hall(hall);
        return HallView.of(halls.replace(hall, settings));
    }

    @POST
    @Path("{hall}/windows")
    @Operation(summary = "Add a window with its A and B staff")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid window or staff not of this hall")
    @APIResponse(responseCode = "404", description = "No such hall")
    @APIResponse(responseCode = "409", description = "The hall has a window with this id")
    public Response createWindow(@PathParam("hall") String hall, @Valid @NotNull CreateWindow request,
            @Context UriInfo uri) {
        access.hall(hall);
        WindowView view = halls.createWindow(hall, request);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @PUT
    @Path("{hall}/windows/{window}")
    @Operation(summary = "Replace a window's name, A and B staff, and own opening hours (none: the hall's)")
    @APIResponse(responseCode = "200", description = "Replaced")
    @APIResponse(responseCode = "400", description = "Invalid window, hours, or staff not of this hall")
    @APIResponse(responseCode = "404", description = "No such hall or window")
    public WindowView replaceWindow(@PathParam("hall") String hall, @PathParam("window") String window,
            @Valid @NotNull WindowSettings settings) {
        access.hall(hall);
        return halls.replaceWindow(hall, window, settings);
    }

    @GET
    @Path("{hall}/windows")
    @Operation(summary = "The windows of a hall with the devices watching them")
    @APIResponse(responseCode = "404", description = "No such hall")
    public List<WindowView> windows(@PathParam("hall") String hall) {
        access.hall(hall);
        return halls.windows(hall);
    }

    @GET
    @Path("{hall}/status")
    @Operation(summary = "Live status: each window's presence and sign, each bin's fill, each badge reader")
    @APIResponse(responseCode = "404", description = "No such hall")
    public HallStatus status(@PathParam("hall") String hall) {
        access.hall(hall);
        Set<String> roles = access.caller().roles();
        // Who badged in or out is attendance data: ops see the reader's health, not the taps.
        boolean taps = roles.contains(Caller.ADMIN) || roles.contains(Caller.MANAGER);
        return taps ? status.of(hall) : status.of(hall).withoutTaps();
    }
}
