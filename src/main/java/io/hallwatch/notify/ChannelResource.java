package io.hallwatch.notify;

import io.hallwatch.notify.ChannelApi.ChannelSettings;
import io.hallwatch.notify.ChannelApi.ChannelView;
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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A hall's notification channels per team: WeCom, DingTalk, Feishu robots and webhooks. Set by the
 * hall's managers; another hall is 404.
 */
@Path("/api/halls/{hall}/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notification channels")
@RolesAllowed({Caller.ADMIN, Caller.MANAGER})
public class ChannelResource {

    @Inject
    ChannelService channels;
    @Inject
    Access access;

    @GET
    @Operation(summary = "The hall's channels; URLs only as a hint, secrets never")
    @APIResponse(responseCode = "404", description = "No such hall")
    public List<ChannelView> list(@PathParam("hall") String hall) {
        access.hall(hall);
        return channels.list(hall);
    }

    @POST
    @Operation(summary = "Adds a channel for one team (cleaning, ops, managers)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Missing or invalid field, or perMinute above the kind's limit")
    @APIResponse(responseCode = "404", description = "No such hall")
    public Response create(@PathParam("hall") String hall, @Valid @NotNull ChannelSettings settings) {
        access.hall(hall);
        ChannelView created = channels.create(hall, settings);
        return Response.created(URI.create("/api/halls/" + hall + "/channels/" + created.id())).entity(created).build();
    }

    @GET
    @Path("{id}")
    @APIResponse(responseCode = "404", description = "No such hall or channel")
    public ChannelView get(@PathParam("hall") String hall, @PathParam("id") long id) {
        access.hall(hall);
        return channels.get(hall, id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Changes a channel; a left-out url or secret keeps the stored one, an empty secret removes it")
    @APIResponse(responseCode = "404", description = "No such hall or channel")
    public ChannelView replace(@PathParam("hall") String hall, @PathParam("id") long id, @Valid @NotNull ChannelSettings settings) {
        access.hall(hall);
        return channels.replace(hall, id, settings);
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Removes a channel; what still waited for it is cancelled")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such hall or channel")
    public void delete(@PathParam("hall") String hall, @PathParam("id") long id) {
        access.hall(hall);
        channels.delete(hall, id);
    }

    @POST
    @Path("{id}/test")
    @Operation(summary = "Sends a test message now and returns what the channel answered")
    @APIResponse(responseCode = "404", description = "No such hall or channel")
    public ChannelApi.TestResult test(@PathParam("hall") String hall, @PathParam("id") long id) {
        access.hall(hall);
        return channels.test(hall, id);
    }
}
