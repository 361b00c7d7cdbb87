package io.hallwatch.ingest;

import io.hallwatch.platform.ProblemException;
import io.hallwatch.users.Access;
import io.hallwatch.users.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rejected MQTT messages, for ops staff to see what a device sends wrong. */
@Path("/api/ingest/rejections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest")
public class RejectionResource {

    @Inject
    RejectionStore store;
    @Inject
    Access access;

    /** A rejected message as the API shows it. */
    public record RejectionView(long id, Instant receivedAt, String topic, String hall, String device,
            RejectionReason reason, String detail, String payload, int payloadBytes) {

        static RejectionView of(IngestRejection r) {
            return new RejectionView(r.id, r.receivedAt, r.topic, r.hallId, r.deviceId, r.reason, r.detail,
                    r.payload, r.payloadBytes);
        }
    }

    @GET
    @RolesAllowed({Caller.ADMIN, Caller.OPS})
    @Operation(summary = "Rejected messages, newest first, by hall, device and reason")
    @APIResponse(responseCode = "400", description = "Bad reason, or no hall named by an account of some halls")
    @APIResponse(responseCode = "404", description = "Not one of the caller's halls")
    public List<RejectionView> list(@QueryParam("hall") String hall, @QueryParam("device") String device,
            @QueryParam("reason") String reason,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        if (hall == null && !access.caller().allHalls()) {
            // Rejections without a known hall (a malformed topic) are for accounts of every hall.
            throw ProblemException.badRequest("name the hall (hall=...): your account is for some halls only");
        }
        access.hall(hall);
        return store.find(hall, device, reason(reason), limit).stream().map(RejectionView::of).toList();
    }

    private static RejectionReason reason(String text) {
        if (text == null) {
            return null;
        }
        try {
            return RejectionReason.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("reason '" + text + "' must be one of "
                    + Arrays.toString(RejectionReason.values()));
        }
    }
}
