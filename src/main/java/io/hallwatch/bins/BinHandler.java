package io.hallwatch.bins;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRules;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Records each bin's fill level in percent of its capacity, and runs the bin rules. */
@ApplicationScoped
public class BinHandler implements DeviceMessageHandler {

    @Inject
    DeviceHealthRules health;
    @Inject
    BinRules bins;

    @Override
    public DeviceKind kind() {
        return DeviceKind.BIN;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        double fill = ((DeviceMessage.BinFill) reading.observation()).fill();
        device.fill = fill;
        health.reading(device, reading);
        bins.fill(device, fill, reading.ts());
    }

    @Override
    public void onStatus(Device device, boolean online, Instant at) {
        health.status(device, online, at);
    }
}
