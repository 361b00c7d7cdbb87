package io.hallwatch.ingest;

import io.hallwatch.devices.DeviceKind;
import java.util.Optional;

/**
 * A parsed device topic. {@code kind} is empty for the {@code status} topic, which any kind of
 * device publishes.
 */
public record DeviceTopic(String hall, Optional<DeviceKind> kind, String device) {

    public boolean isStatus() {
        return kind.isEmpty();
    }

    /** The kind segment as it appeared in the topic. */
    public String kindSegment() {
        return kind.map(DeviceKind::wire).orElse(Topics.STATUS);
    }

    /**
     * Parses {@code hallwatch/v1/{hall}/{kind}/{device}}.
     *
     * @throws MessageRejectedException with {@link RejectionReason#MALFORMED_TOPIC}
     */
    public static DeviceTopic parse(String topic) {
        String[] parts = topic == null ? new String[0] : topic.split("/", -1);
        if (parts.length != 5 || !(parts[0] + "/" + parts[1]).equals(Topics.ROOT)) {
            throw malformed("topic must be " + Topics.ROOT + "/{hall}/{kind}/{device}, got '" + topic + "'");
        }
        String hall = parts[2];
        String device = parts[4];
        if (!Topics.ID.matcher(hall).matches()) {
            throw malformed("hall id '" + hall + "' must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        if (!Topics.ID.matcher(device).matches()) {
            throw malformed("device id '" + device + "' must be 1 to 64 characters of A-Z a-z 0-9 _ -");
        }
        if (Topics.STATUS.equals(parts[3])) {
            return new DeviceTopic(hall, Optional.empty(), device);
        }
        DeviceKind kind = DeviceKind.fromWire(parts[3]).orElseThrow(() -> malformed(
                "kind '" + parts[3] + "' must be one of presence, signage, bin, badge, status"));
        return new DeviceTopic(hall, Optional.of(kind), device);
    }

    private static MessageRejectedException malformed(String detail) {
        return new MessageRejectedException(RejectionReason.MALFORMED_TOPIC, detail);
    }
}
