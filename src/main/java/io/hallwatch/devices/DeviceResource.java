package io.hallwatch.devices;

import io.hallwatch.broker.DynSecSync;
import io.hallwatch.devices.DeviceApi.DeviceView;
import io.hallwatch.devices.DeviceApi.ImportReport;
import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Device provisioning for ops staff (contract, section 4), within the caller's halls: administrators
 * and ops staff change devices, hall managers may look at them. Credentials change at the broker as
 * soon as the change is committed.
 */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
@RolesAllowed({Caller.ADMIN, Caller.OPS})
public class DeviceResource {

    @Inject
    DeviceService devices;
    @Inject
    Access access;
    @Inject
    DeviceImporter importer;
    @Inject
    DynSecSync broker;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Provision a device; the answer holds its MQTT password, shown only once")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid device or placement")
    @APIResponse(responseCode = "404", description = "No such hall among the caller's halls")
    @APIResponse(responseCode = "409", description = "An active device has this id")
    public Response provision(@Valid @NotNull ProvisionDevice request, @Context UriInfo uri) {
        requireHall(request.hall());
        Provisioned provisioned = withBrokerSync(devices.provision(request));
        return Response.created(uri.getAbsolutePathBuilder().path(provisioned.id()).build())
                .entity(provisioned).build();
    }

    @POST
    @Path("import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Provision devices from CSV (header: id,hall,kind,window,zone); a row-by-row report")
    @APIResponse(responseCode = "200", description = "Report of created and failed rows")
    @APIResponse(responseCode = "400", description = "Empty CSV or bad header")
    public ImportReport importCsv(String csv) {
        Caller caller = Caller.of(identity);
        return importer.importCsv(csv, caller::worksIn);
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
    @Operation(summary = "Active devices of the caller's halls with lastSeen, battery and online, optionally of one hall")
    @APIResponse(responseCode = "404", description = "No such hall or device among the caller's halls")
    public List<DeviceView> list(@QueryParam("hall") String hall) {
        Caller caller = Caller.of(identity);
        if (hall != null) {
            requireHall(hall);
        }
        return devices.list(hall).stream().filter(d -> caller.worksIn(d.hallId)).map(this::view).toList();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Caller.ADMIN, Caller.OPS, Caller.MANAGER})
    @Operation(summary = "One device, active or revoked")
    @APIResponse(responseCode = "404", description = "No such device among the caller's halls")
    public DeviceView get(@PathParam("id") String id) {
        Device device = devices.require(id);
        access.device(id, device.hallId);
        return view(device);
    }

    @POST
    @Path("{id}/rotate")
    @Operation(summary = "Give the device a new MQTT password, shown only once; the old one stops working at once")
    @APIResponse(responseCode = "200", description = "The new credentials")
    @APIResponse(responseCode = "404", description = "No such device among the caller's halls")
    @APIResponse(responseCode = "409", description = "The device is revoked")
    public Provisioned rotate(@PathParam("id") String id) {
        access.device(id, devices.require(id).hallId);
        return withBrokerSync(devices.rotate(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke the device's credentials; its connections to the broker are cut")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such device among the caller's halls")
    public void revoke(@PathParam("id") String id) {
        access.device(id, devices.require(id).hallId);
        devices.revoke(id);
    }

    /** Another hall's devices are answered as if the hall did not exist (and the refusal is audited). */
    private void requireHall(String hall) {
        access.hall(hall);
    }

    private DeviceView view(Device device) {
        return DeviceView.of(device, broker.status(device.id).orElse(null));
    }

    private Provisioned withBrokerSync(Provisioned provisioned) {
        return provisioned.withBrokerSync(broker.status(provisioned.id()).orElse(null));
    }
}
