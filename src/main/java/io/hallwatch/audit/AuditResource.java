package io.hallwatch.audit;

import io.hallwatch.users.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The audit trail, for auditors only: not even an administrator reads it, since it is what an
 * administrator answers to. Query parameters are read as text so that a bad one is a 400 that names
 * it, as {@link AuditFilter} says.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit")
public class AuditResource {

    /** The role that reads the audit trail. */
    public static final String AUDITOR = "auditor";
    public static final String TOTAL_COUNT = "X-Total-Count";

    @Inject
    AuditReader reader;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed(AUDITOR)
    @Operation(summary = "Audit lines, newest first: who changed or was refused what, when and from where")
    @APIResponse(responseCode = "200", description = "A page of lines",
            headers = @Header(name = TOTAL_COUNT, description = "Lines matching the filter, over all pages"))
    @APIResponse(responseCode = "400", description = "A bad time, outcome, limit or offset")
    @APIResponse(responseCode = "401", description = "Not logged in")
    @APIResponse(responseCode = "403", description = "Not an auditor, or a hall the auditor does not audit")
    public Response list(
            @Parameter(description = "RFC 3339, inclusive") @QueryParam("from") String from,
            @Parameter(description = "RFC 3339, exclusive") @QueryParam("to") String to,
            @Parameter(description = "user name, device:<id> or system") @QueryParam("actor") String actor,
            @Parameter(description = "prefix: user. or hall.update") @QueryParam("action") String action,
            @QueryParam("hall") String hall,
            @Parameter(description = "user name, window, order or device id...") @QueryParam("target") String target,
            @Parameter(description = "DONE or REFUSED") @QueryParam("outcome") String outcome,
            @Parameter(description = "1 to 1000, default 100") @QueryParam("limit") String limit,
            @Parameter(description = "lines to skip, default 0") @QueryParam("offset") String offset) {
        AuditFilter filter = AuditFilter.parse(from, to, actor, action, hall, target, outcome, limit, offset);
        AuditReader.Page page = reader.page(filter, Caller.of(identity));
        return Response.ok(page.events()).header(TOTAL_COUNT, page.total()).build();
    }
}
