package io.hallwatch.signage;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import java.time.Instant;

/** What {@link SignRule} remembers of one sign, stored as JSON between messages and across restarts. */
public class SignDeviceState {

    public SignState health;
    public SignShowing showing;
    public String code;
    /** Start of the current fault or blank screen, by device time. */
    public Instant faultSince;
    public boolean faultOpen;
    /** When the service last received anything from the sign (service time). */
    public Instant lastHeard;
    /** The sign (or its last will) said {@code offline}, at {@code offlineSince}. */
    public boolean statusOffline;
    public Instant offlineSince;
    public boolean offlineOpen;
    public Instant evaluatedAt;
}
