package io.hallwatch.bins;

import java.time.Instant;

/** How fast a bin fills (percentage points per hour) and when it will be full at that rate. */
public record FillEstimate(double ratePerHour, Instant fullAt) {
}
