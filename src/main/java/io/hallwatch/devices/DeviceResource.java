package io.hallwatch.devices;

import io.hallwatch.devices.DeviceApi.DeviceView;
import io.hallwatch.devices.DeviceApi.ImportReport;
import io.hallwatch.devices.DeviceApi.ProvisionDevice;
import io.hallwatch.devices.DeviceApi.Provisioned;
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

/** Device provisioning for ops staff (contract, section 4). */
@Path("/api/devices")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Devices")
public class DeviceResource {

    @Inject
    DeviceService devices;
    @Inject
    DeviceImporter importer;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Provision a device; the answer holds its MQTT password, shown only once")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid device or placement")
    @APIResponse(responseCode = "404", description = "No such hall")
    @APIResponse(responseCode = "409", description = "An active device has this id")
    public Response provision(@Valid @NotNull ProvisionDevice request, @Context UriInfo uri) {
        Provisioned provisioned = devices.provision(request);
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
        return importer.importCsv(csv);
    }

    @GET
    @Operation(summary = "Active devices with lastSeen, battery and online, optionally of one hall")
    public List<DeviceView> list(@QueryParam("hall") String hall) {
        return devices.list(hall).stream().map(DeviceView::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One device, active or revoked")
    @APIResponse(responseCode = "404", description = "No such device")
    public DeviceView get(@PathParam("id") String id) {
        return DeviceView.of(devices.require(id));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Revoke the device's credentials")
    @APIResponse(responseCode = "204", description = "Revoked")
    @APIResponse(responseCode = "404", description = "No such device")
    public void revoke(@PathParam("id") String id) {
        devices.revoke(id);
    }
}
