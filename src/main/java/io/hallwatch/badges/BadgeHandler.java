package io.hallwatch.badges;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/** Records each badge reader's last tap (card and direction). */
@ApplicationScoped
public class BadgeHandler implements DeviceMessageHandler {

    @Override
    public DeviceKind kind() {
        return DeviceKind.BADGE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        DeviceMessage.Badge badge = (DeviceMessage.Badge) reading.observation();
        device.lastCard = badge.card();
        device.lastAction = badge.action().name().toLowerCase(Locale.ROOT);
    }
}
