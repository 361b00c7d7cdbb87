package io.hallwatch.badges;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRules;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessageHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Locale;

/**
 * Records each badge reader's last tap (card and direction) on the device, runs the device-health
 * rules, and hands every tap, late ones included, to the attendance rules ({@link BadgeTaps}).
 */
@ApplicationScoped
public class BadgeHandler implements DeviceMessageHandler {

    @Inject
    DeviceHealthRules health;
    @Inject
    BadgeTaps taps;

    @Override
    public DeviceKind kind() {
        return DeviceKind.BADGE;
    }

    @Override
    public void onReading(Device device, DeviceMessage.Reading reading) {
        DeviceMessage.Badge badge = (DeviceMessage.Badge) reading.observation();
        device.lastCard = badge.card();
        device.lastAction = badge.action().name().toLowerCase(Locale.ROOT);
        health.reading(device, reading);
        taps.tap(device, reading, false);
    }

    @Override
    public void onLateReading(Device device, DeviceMessage.Reading reading) {
        // Every tap counts for attendance, even one that arrives after a newer one of the same reader.
        taps.tap(device, reading, true);
    }

    @Override
    public void onStatus(Device device, boolean online, Instant at) {
        health.status(device, online, at);
    }
}
