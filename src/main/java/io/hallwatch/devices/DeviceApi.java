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
     * The answer to provisioning and to rotation: the MQTT credentials (the password appears only
     * here) and the topics the device publishes on; {@code brokerSync} when the service keeps the
     * identities at the broker ({@code IN_SYNC}, or {@code PENDING} while the broker has not taken them).
     */
    public record Provisioned(String id, String hall, DeviceKind kind, String mqttUsername, String mqttPassword,
            String topic, String statusTopic, @JsonInclude(JsonInclude.Include.NON_NULL) String brokerSync) {

        static Provisioned of(Device device, String password) {
            return new Provisioned(device.id, device.hallId, device.kind, device.id, password,
                    Topics.reading(device.hallId, device.kind, device.id), Topics.status(device.hallId, device.id),
                    null);
        }

        Provisioned withBrokerSync(String state) {
            return new Provisioned(id, hall, kind, mqttUsername, mqttPassword, topic, statusTopic, state);
        }

        /** Never shows the password. */
        @Override
        public String toString() {
            return "Provisioned[" + id + " in " + hall + "]";
        }
    }

    /** A device; {@code brokerSync} ({@code IN_SYNC}, {@code PENDING}, {@code NEEDS_ROTATION}) only when the service keeps the broker's identities. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DeviceView(String id, String hall, DeviceKind kind, String window, String zone,
            Instant lastSeen, Double battery, boolean online, Instant createdAt, Instant revokedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String brokerSync) {

        static DeviceView of(Device d, String brokerSync) {
            return new DeviceView(d.id, d.hallId, d.kind, d.windowId, d.zone, d.lastSeen, d.battery, d.online,
                    d.createdAt, d.revokedAt, brokerSync);
        }
    }

    /** One CSV row's outcome: created with its credentials, or failed with the reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ImportRow(int line, String id, String status, String error, String mqttUsername,
            String mqttPassword) {

        /** Never shows the password. */
        @Override
        public String toString() {
            return "ImportRow[" + line + " " + id + " " + status + "]";
        }
    }

    public record ImportReport(int rows, int created, int failed, List<ImportRow> results) {
    }
}
