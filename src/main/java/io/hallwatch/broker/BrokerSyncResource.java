package io.hallwatch.broker;

import io.hallwatch.broker.BrokerApi.SyncState;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Whether the broker holds every device's current identity (Mosquitto with dynamic security), for ops staff. */
@Path("/api/broker/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Broker")
public class BrokerSyncResource {

    @Inject
    DynSecSync sync;
    @Inject
    Access access;

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.OPS})
    @Operation(summary = "Device changes the broker has not taken yet, and devices that need new credentials")
    @APIResponse(responseCode = "403", description = "An account of some halls only: the state covers every hall")
    public SyncState state() {
        access.everyHall("the broker's sync state");
        return sync.view();
    }
}
