package io.hallwatch.ingest;

import io.hallwatch.platform.ProblemException;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rejected MQTT messages, for ops staff to see what a device sends wrong. */
@Path("/api/ingest/rejections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ingest")
public class RejectionResource {

    @Inject
    RejectionStore store;

    /** A rejected message as the API shows it. */
    public record RejectionView(long id, Instant receivedAt, String topic, String hall, String device,
            RejectionReason reason, String detail, String payload, int payloadBytes) {

        static RejectionView of(IngestRejection r) {
            return new RejectionView(r.id, r.receivedAt, r.topic, r.hallId, r.deviceId, r.reason, r.detail,
                    r.payload, r.payloadBytes);
        }
    }

    @GET
    @Operation(summary = "Rejected messages, newest first, by hall, device and reason")
    public List<RejectionView> list(@QueryParam("hall") String hall, @QueryParam("device") String device,
            @QueryParam("reason") String reason,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
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
                    + java.util.Arrays.toString(RejectionReason.values()));
        }
    }
}
