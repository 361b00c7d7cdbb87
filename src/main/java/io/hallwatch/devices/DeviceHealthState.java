package io.hallwatch.devices;

import java.time.Instant;

/** What {@link DeviceHealthRule} remembers of one device, stored as JSON between messages and across restarts. */
public class DeviceHealthState {

    /** When the service last received anything from the device (service time). */
    public Instant lastHeard;
    /** The device (or its last will) said {@code offline}, at {@code offlineSince}. */
    public boolean statusOffline;
    public Instant offlineSince;
    public boolean offlineOpen;
    public Double battery;
    /** Since when the battery has been low, by device time; null while it is not. */
    public Instant batteryLowSince;
    public boolean batteryOpen;
    public Instant evaluatedAt;
}
