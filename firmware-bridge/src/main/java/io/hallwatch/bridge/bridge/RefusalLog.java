package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.Log;

/**
 * Logs refused vendor messages with their reason, at most a number per minute, so that a device
 * flooding bad messages cannot flood the log; what was left out is summed up when the minute ends.
 */
final class RefusalLog {

    private final int perMinute;
    private long minute = -1;
    private int logged;
    private int suppressed;

    RefusalLog(int perMinute) {
        this.perMinute = perMinute;
    }

    /** Logs a refusal; the reason names the device, profile and topic. */
    synchronized void log(String reason) {
        long now = System.nanoTime() / 60_000_000_000L;
        if (now != minute) {
            flush();
            minute = now;
            logged = 0;
        }
        if (logged < perMinute) {
            logged++;
            Log.warn("refused: %s", reason);
        } else {
            suppressed++;
        }
    }

    /** Says how many refusals went unlogged since the last time. */
    synchronized void flush() {
        if (suppressed > 0) {
            Log.warn("%d more refused messages were not logged", suppressed);
            suppressed = 0;
        }
    }
}
