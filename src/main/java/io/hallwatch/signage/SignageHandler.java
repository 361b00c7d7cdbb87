package io.hallwatch.signage;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRules;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/** Records each sign's health and what it shows (open, paused, closed), and runs the sign rules. */
@ApplicationScoped
public class SignageHandler implements DeviceMessageHandler {

    @Inject
    DeviceHealthRules health;
    @Inject
    SignRules signs;

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
        health.reading(device, reading);
        signs.reading(device, reading, sign);
    }

    @Override
    public void onStatus(Device device, boolean online, Instant at) {
        signs.status(device, online, at);
    }
}
