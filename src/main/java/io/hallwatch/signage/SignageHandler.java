package io.hallwatch.signage;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Records each sign's health and what it shows (open, paused, closed). */
@ApplicationScoped
public class SignageHandler implements DeviceMessageHandler {

    @Override
    public DeviceKind kind() {
        return DeviceKind.SIGNAGE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        DeviceMessage.Signage sign = (DeviceMessage.Signage) reading.observation();
        device.signState = sign.state().name().toLowerCase(Locale.ROOT);
        device.signShowing = sign.showing() == null ? null : sign.showing().name().toLowerCase(Locale.ROOT);
        device.signCode = sign.code();
    }
}
