package io.hallwatch.devices;

import io.hallwatch.rules.Liveness;
import java.time.Instant;
import java.util.List;

/** What {@link DeviceHealthRule} remembers of one device, stored as JSON between messages and across restarts. */
public class DeviceHealthState extends Liveness {

    public Double battery;
    /** Since when the battery has been low, by device time; null while it is not. */
    public Instant batteryLowSince;
    public boolean batteryOpen;

    @Override
    public List<Object> kept() {
        List<Object> kept = super.kept();
        kept.add(battery);
        kept.add(batteryLowSince);
        kept.add(batteryOpen);
        return kept;
    }
}
