package io.hallwatch.users;

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
 * People who log in (the crew page, managers, ops, window staff, auditors), their roles, halls and
 * passwords: for administrators only.
 */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Users")
@RolesAllowed(Caller.ADMIN)
public class UserResource {

    @Inject
    UserService users;

    @POST
    @Operation(summary = "Adds a person with roles (admin, manager, ops, cleaning, staff, auditor), halls (or *)"
            + " and, for the role staff, the staff member they are")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Unknown role, weak password, staffId missing or wrong, missing field")
    @APIResponse(responseCode = "404", description = "No such hall")
    @APIResponse(responseCode = "409", description = "The user name is taken")
    public Response create(@Valid @NotNull UserApi.CreateUser body) {
        UserApi.UserView created = users.create(body);
        return Response.created(URI.create("/api/users/" + created.username())).entity(created).build();
    }

    @PUT
    @Path("{username}")
    @Operation(summary = "Changes a person's name, roles, halls, staff member and (when given) password")
    @APIResponse(responseCode = "400", description = "Unknown role, weak password, staffId missing or wrong")
    @APIResponse(responseCode = "404", description = "No such user")
    public UserApi.UserView replace(@PathParam("username") String username, @Valid @NotNull UserApi.UpdateUser body) {
        return users.replace(username, body);
    }

    @DELETE
    @Path("{username}")
    @Operation(summary = "Removes a person; their logins stop working at once")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such user")
    public void delete(@PathParam("username") String username) {
        users.delete(username);
    }

    @GET
    @Operation(summary = "Everyone who can log in, with roles, halls and when their password was last set")
    public List<UserApi.UserView> list() {
        return users.list();
    }

    @POST
    @Path("{username}/password")
    @Operation(summary = "Sets a new password for a person who forgot theirs; the old one stops working at once")
    @APIResponse(responseCode = "204", description = "Set")
    @APIResponse(responseCode = "400", description = "Weak password (the detail names the rule)")
    @APIResponse(responseCode = "404", description = "No such user")
    @APIResponse(responseCode = "409", description = "The admin account, whose password is configured")
    public void resetPassword(@PathParam("username") String username, @Valid @NotNull UserApi.ResetPassword body) {
        users.resetPassword(username, body.password());
    }
}
