package io.hallwatch.bins;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What {@link BinRule} remembers of one bin, stored as JSON between messages and across restarts. */
public class BinState {

    /**
     * One fill reading kept for the fill-rate estimate. Its time is stored as epoch milliseconds: a bin
     * keeps dozens of samples and its state is read and written with each reading, and ISO-8601 text made
     * that ten times dearer (bench/jmh RuleStateJson). Samples stored as text before still read.
     */
    public record Sample(@JsonFormat(shape = JsonFormat.Shape.NUMBER_INT, without = {
        JsonFormat.Feature.WRITE_DATE_TIMESTAMPS_AS_NANOSECONDS,
        JsonFormat.Feature.READ_DATE_TIMESTAMPS_AS_NANOSECONDS}) Instant at, double fill) {
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
