package io.hallwatch.presence;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRules;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** Records whether each window is occupied, as its desk presence sensor reports, and runs the window rules. */
@ApplicationScoped
public class PresenceHandler implements DeviceMessageHandler {

    @Inject
    DeviceHealthRules health;
    @Inject
    WindowRules windows;

    @Override
    public DeviceKind kind() {
        return DeviceKind.PRESENCE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        boolean occupied = ((DeviceMessage.Presence) reading.observation()).occupied();
        device.occupied = occupied;
        health.reading(device, reading);
        windows.presence(device, occupied, reading.ts());
    }

    @Override
    public void onStatus(Device device, boolean online, Instant at) {
        health.status(device, online, at);
    }
}
