package io.hallwatch.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
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

/** People who log in (the crew page, managers, ops), created by an administrator. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
public class UserResource {

    @Inject
    UserService users;

    @POST
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Adds a person with roles (admin, manager, ops, cleaning) and halls (or *)")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Unknown role, short password or missing field")
    @APIResponse(responseCode = "404", description = "No such hall")
    @APIResponse(responseCode = "409", description = "The user name is taken")
    public Response create(@Valid UserApi.CreateUser body) {
        UserApi.UserView created = users.create(body);
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Changes a person's name, roles, halls and (when given) password")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserApi.UserView replace(@PathParam("username") String username, @Valid UserApi.UpdateUser body) {
        return users.replace(username, body);
    }

    @DELETE
    @Path("{username}")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Removes a person; their logins stop working at once")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such user")
    public void delete(@PathParam("username") String username) {
        users.delete(username);
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Everyone who can log in, with roles and halls")
    public List<UserApi.UserView> list() {
        return users.list();
    }
}
