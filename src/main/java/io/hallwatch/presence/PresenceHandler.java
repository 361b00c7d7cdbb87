package io.hallwatch.presence;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Records whether each window is occupied, as its desk presence sensor reports. */
@ApplicationScoped
public class PresenceHandler implements DeviceMessageHandler {

    @Override
    public DeviceKind kind() {
        return DeviceKind.PRESENCE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        device.occupied = ((DeviceMessage.Presence) reading.observation()).occupied();
    }
}
