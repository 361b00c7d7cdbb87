package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import java.time.Instant;

/**
 * How a feature receives the accepted messages of its kind of device. Called inside the ingest
 * transaction, after the registry checks, in device-time order per device (older readings that
 * arrive late are not passed on), one hall's messages on one thread.
 */
public interface DeviceMessageHandler {

    DeviceKind kind();

    void onReading(Device device, DeviceMessage.Reading reading);

    /**
     * A device of this kind went online or offline (status topic or last will), received at {@code at}.
     */
    default void onStatus(Device device, boolean online, Instant at) {
    }

    /**
     * A reading older (by device time) than the newest one applied, which does not change the device's
     * state; for handlers to whom every event counts (badge taps).
     */
    default void onLateReading(Device device, DeviceMessage.Reading reading) {
    }
}
