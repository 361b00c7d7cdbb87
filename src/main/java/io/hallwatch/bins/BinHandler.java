package io.hallwatch.bins;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;

/** Records each bin's fill level in percent of its capacity. */
@ApplicationScoped
public class BinHandler implements DeviceMessageHandler {

    @Override
    public DeviceKind kind() {
        return DeviceKind.BIN;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        device.fill = ((DeviceMessage.BinFill) reading.observation()).fill();
    }
}
