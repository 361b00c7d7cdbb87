package io.hallwatch.signage;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import io.hallwatch.rules.Liveness;
import java.time.Instant;
import java.util.List;

/** What {@link SignRule} remembers of one sign, stored as JSON between messages and across restarts. */
public class SignDeviceState extends Liveness {

    public SignState health;
    public SignShowing showing;
    public String code;
    /** Start of the current fault or blank screen, by device time. */
    public Instant faultSince;
    public boolean faultOpen;

    @Override
    public List<Object> kept() {
        List<Object> kept = super.kept();
        kept.add(health);
        kept.add(showing);
        kept.add(code);
        kept.add(faultSince);
        kept.add(faultOpen);
        return kept;
    }
}
