package io.hallwatch.ingest;

import java.time.Duration;
import java.time.Instant;

/**
 * At most {@code lines} log lines per {@code window}; what is over the budget is only counted, and
 * that count is handed to the first line of the next window. It keeps a flood of refused logins
 * from flooding the log too, while every refusal is still counted by its metric. Not thread-safe:
 * callers synchronise.
 */
final class LogBudget {

    private final int lines;
    private final Duration window;
    private Instant windowStart;
    private int used;
    private long suppressed;

    LogBudget(int lines, Duration window) {
        this.lines = lines;
        this.window = window;
    }

    /**
     * Whether a line may be written at {@code now}; returns -1 when not, otherwise how many lines were
     * left out since the last written one (0 when none).
     */
    long tryLog(Instant now) {
        if (windowStart == null || !now.isBefore(windowStart.plus(window))) {
            windowStart = now;
            used = 0;
        }
        if (used >= lines) {
            suppressed++;
            return -1;
        }
        used++;
        long skipped = suppressed;
        suppressed = 0;
        return skipped;
    }
}
