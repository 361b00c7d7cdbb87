package io.hallwatch.bins;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@link BinRule} remembers of one bin, stored as JSON between messages and across restarts. */
public class BinState {

    /** One fill reading kept for the fill-rate estimate. */
    public record Sample(Instant at, double fill) {
    }

    public Double fill;
    public Instant fillAt;
    /** Highest fill since the bin was last emptied. */
    public double peak;
    /** Since when the bin has been at or above full, by device time; null while it is not. */
    public Instant fullSince;
    public boolean fullOpen;
    public boolean critical;
    public Instant lastEmptiedAt;
    public boolean notEmptiedOpen;
    /** The closing time the daily check last judged; the next check is the first closing after it. */
    public Instant checkedThrough;
    /** Readings since the last emptying, newest last, for the fill rate. */
    public List<Sample> samples = new ArrayList<>();
    public Instant evaluatedAt;
}
