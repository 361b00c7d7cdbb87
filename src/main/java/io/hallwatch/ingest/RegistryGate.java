package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.timeseries.ReadingPoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a parsed message against the registry (known, active device of the topic's hall and kind;
 * not a duplicate or stale {@code seq}), updates the device's last-seen, battery and online state,
 * and hands the message to the feature handlers. Every check comes before any change, so a rejection
 * changes nothing.
 */
@ApplicationScoped
public class RegistryGate {

    private final Map<DeviceKind, List<DeviceMessageHandler>> handlers = new EnumMap<>(DeviceKind.class);

    @Inject
    ReadingPoints points;

    @Inject
    RegistryGate(Instance<DeviceMessageHandler> all) {
        for (DeviceKind kind : DeviceKind.values()) {
            handlers.put(kind, all.stream().filter(h -> h.kind() == kind).toList());
        }
    }

    /**
     * Applies a message inside the caller's transaction. Deliberately not {@code @Transactional}: a
     * rejection thrown through that interceptor would mark the caller's whole batch for rollback.
     *
     * @throws MessageRejectedException when the registry does not allow the message; nothing was changed
     */
    public void apply(DeviceTopic topic, DeviceMessage message, InboundMessage inbound) {
        Device device = Device.findById(topic.device());
        check(topic, device);
        device.seenBefore = device.lastSeen;
        if (message instanceof DeviceMessage.Status status) {
            applyStatus(device, status, inbound);
        } else {
            applyReading(device, (DeviceMessage.Reading) message, inbound.receivedAt());
        }
    }

    private static void check(DeviceTopic topic, Device device) {
        if (device == null || !device.isActive()) {
            throw new MessageRejectedException(RejectionReason.UNKNOWN_DEVICE,
                    "device '" + topic.device() + "' is not provisioned" + (device == null ? "" : " (revoked)"));
        }
        if (!device.hallId.equals(topic.hall())) {
            throw new MessageRejectedException(RejectionReason.HALL_MISMATCH, "device '" + device.id
                    + "' belongs to hall '" + device.hallId + "', not '" + topic.hall() + "'");
        }
        if (topic.kind().isPresent() && topic.kind().get() != device.kind) {
            throw new MessageRejectedException(RejectionReason.KIND_MISMATCH, "device '" + device.id + "' is a "
                    + device.kind.wire() + " device, not " + topic.kind().get().wire());
        }
    }

    private void applyStatus(Device device, DeviceMessage.Status status, InboundMessage inbound) {
        // A retained status is replayed on every subscription: it says nothing about when we last heard the device.
        if (status.online() && !inbound.retained()) {
            device.lastSeen = inbound.receivedAt();
        }
        if (device.online != status.online()) {
            device.online = status.online();
            points.status(device, status.online(), inbound.receivedAt());
            handlers.get(device.kind).forEach(h -> h.onStatus(device, status.online(), inbound.receivedAt()));
        }
    }

    private void applyReading(Device device, DeviceMessage.Reading reading, Instant receivedAt) {
        boolean newer = device.lastTs == null || !reading.ts().isBefore(device.lastTs);
        SequenceRule.check(device.id, device.lastSeq, device.lastTs, reading.seq(), reading.ts());
        device.lastSeen = receivedAt;
        device.online = true;
        if (reading.battery() != null && newer) {
            device.battery = reading.battery();
        }
        if (reading.seq() != null) {
            device.lastSeq = newer || device.lastSeq == null ? reading.seq() : Math.max(device.lastSeq, reading.seq());
        }
        points.reading(device, reading);
        if (newer) {
            device.lastTs = reading.ts();
            handlers.get(device.kind).forEach(h -> h.onReading(device, reading));
        } else {
            handlers.get(device.kind).forEach(h -> h.onLateReading(device, reading));
        }
    }
}
