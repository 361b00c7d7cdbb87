package io.hallwatch.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a device is heard, as the sign and device-health rules both track it: when it was last
 * heard (service time), whether it said {@code offline} (itself or by its last will), and whether the
 * rule's offline order is open. Plain Java; the state is stored with the rule's own.
 */
public class Liveness {

    /** When the service last received anything from the device (service time). */
    public Instant lastHeard;
    /** The device (or its last will) said {@code offline}, at {@code offlineSince}. */
    public boolean statusOffline;
    public Instant offlineSince;
    public boolean offlineOpen;
    /** The latest instant the rule has judged; it never judges an earlier one. */
    public Instant evaluatedAt;

    /**
     * The device was heard at {@code receivedAt}; returns whether the rule's offline order was open
     * and must now be resolved.
     */
    public boolean heard(Instant receivedAt) {
        lastHeard = Times.latest(receivedAt, lastHeard);
        statusOffline = false;
        offlineSince = null;
        boolean wasOpen = offlineOpen;
        offlineOpen = false;
        return wasOpen;
    }

    /**
     * What must be stored as soon as it changes: everything but when the device was last heard and when
     * the rule last judged, which a routine message alone moves and the rule can learn again from the
     * device's last-seen ({@link #heardBy}). Subclasses add their own fields.
     */
    public List<Object> kept() {
        List<Object> kept = new ArrayList<>();
        kept.add(statusOffline);
        kept.add(offlineSince);
        kept.add(offlineOpen);
        return kept;
    }

    /**
     * Catches up with the device's last-seen (service time), which a stored state may be behind when
     * routine messages were not stored; a device that said offline has not been heard since.
     */
    public void heardBy(Instant lastSeen) {
        if (!statusOffline && lastSeen != null) {
            lastHeard = Times.latest(lastSeen, lastHeard);
        }
    }

    /** The device said {@code offline} at {@code t}; a repeated offline keeps the first time. */
    public void saidOffline(Instant t) {
        if (!statusOffline) {
            statusOffline = true;
            offlineSince = t;
        }
    }
}
