package io.hallwatch.devices;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.hallwatch.ingest.Topics;
import io.hallwatch.platform.Ids;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/** Request and answer bodies of the device endpoints (contract, section 4). */
public final class DeviceApi {

    private DeviceApi() {
    }

    /** {@code POST /api/devices}: {@code window} for presence and signage, {@code zone} for bins and badges. */
    public record ProvisionDevice(
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String id,
            @NotNull @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String hall,
            @NotNull DeviceKind kind,
            @Pattern(regexp = Ids.REGEX, message = Ids.MESSAGE) String window,
            @Size(max = 200) String zone) {
    }

    /**
     * The answer to provisioning: the MQTT credentials (the password appears only here) and the
     * topics the device publishes on.
     */
    public record Provisioned(String id, String hall, DeviceKind kind, String mqttUsername, String mqttPassword,
            String topic, String statusTopic) {

        static Provisioned of(Device device, String password) {
            return new Provisioned(device.id, device.hallId, device.kind, device.id, password,
                    Topics.reading(device.hallId, device.kind, device.id), Topics.status(device.hallId, device.id));
        }
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeviceView(String id, String hall, DeviceKind kind, String window, String zone,
            Instant lastSeen, Double battery, boolean online, Instant createdAt, Instant revokedAt) {

        static DeviceView of(Device d) {
            return new DeviceView(d.id, d.hallId, d.kind, d.windowId, d.zone, d.lastSeen, d.battery, d.online,
                    d.createdAt, d.revokedAt);
        }
    }

    /** One CSV row's outcome: created with its credentials, or failed with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportRow(int line, String id, String status, String error, String mqttUsername,
            String mqttPassword) {
    }

    public record ImportReport(int rows, int created, int failed, List<ImportRow> results) {
    }
}
