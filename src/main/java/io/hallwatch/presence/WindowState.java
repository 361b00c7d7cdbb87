package io.hallwatch.presence;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import java.time.Instant;

/**
 * What {@link WindowRule} remembers of one window, stored as JSON between messages and across
 * restarts. Times are device times, except where the rule had to use its own clock (ticks).
 */
public class WindowState {

    /** Latest presence reading; null before the first. */
    public Boolean occupied;
    /** Start of the current vacancy; null while the window is staffed or not known to be vacant. */
    public Instant vacantSince;
    /** When someone sat down during a vacancy; the return counts once they stay for the debounce. */
    public Instant returnSince;
    /** What the sign shows; null when unknown or not to be trusted (sign faulty or offline). */
    public SignShowing showing;
    public Instant showingSince;
    /** The presence sensor has failed: OFF_POST is suspended, since the rule cannot tell. */
    public boolean sensorFailed;
    /** Start of the current contradiction between the sign and the window. */
    public Instant mismatchSince;
    public boolean offPostOpen;
    public boolean mismatchOpen;
    /** The latest instant the rule has judged; it never judges an earlier one. */
    public Instant evaluatedAt;
    /** The state last recorded for the boards ({@link #state}), and since when (device time). */
    public String recordedState;
    public Instant recordedSince;

    /**
     * What the window is, for people: {@code closed} outside its hours, {@code staffed}, {@code paused}
     * (vacant behind a pause sign), {@code vacant}, or {@code unknown} before a reading or while its
     * sensor has failed.
     */
    public String state(boolean open) {
        if (!open) {
            return "closed";
        }
        if (occupied == null || sensorFailed) {
            return "unknown";
        }
        if (vacantSince == null || returnSince != null) {
            return "staffed";
        }
        return showing == SignShowing.PAUSED ? "paused" : "vacant";
    }
}
