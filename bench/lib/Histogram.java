import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A latency histogram as Prometheus exports one: bucket upper bounds in milliseconds and cumulative
 * counts, the last entry being +Inf (all observations). Immutable; the difference of two snapshots
 * of the same counter is the histogram of what happened between them. Percentiles interpolate
 * linearly inside their bucket, so they are no more exact than the bucket bounds; one that falls
 * into +Inf is capped at the last finite bound.
 */
final class Histogram {

    /** The service's bounds (io.hallwatch.platform.LatencyHistogram), also used by the Node-RED peer. */
    static final double[] BOUNDS_MS = {1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150,
        200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000};

    private final double[] bounds;
    private final long[] cumulative;

    Histogram(double[] bounds, long[] cumulative) {
        if (cumulative.length != bounds.length + 1) {
            throw new IllegalArgumentException("a histogram needs one count per bound and one for +Inf");
        }
        this.bounds = bounds;
        this.cumulative = cumulative;
    }

    long count() {
        return cumulative[cumulative.length - 1];
    }

    /** What was observed after {@code earlier} (a snapshot of the same counter); null means nothing before. */
    Histogram minus(Histogram earlier) {
        if (earlier == null) {
            return this;
        }
        requireSameBounds(earlier);
        long[] delta = new long[cumulative.length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = Math.max(0, cumulative[i] - earlier.cumulative[i]);
        }
        return new Histogram(bounds, delta);
    }

    /** The q-quantile (0..1) in milliseconds, or NaN when the histogram is empty. */
    double percentile(double q) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = q * total;
        for (int i = 0; i < cumulative.length; i++) {
            if (cumulative[i] >= rank && cumulative[i] > 0) {
                if (i == bounds.length) {
                    return bounds[bounds.length - 1];
                }
                long below = i == 0 ? 0 : cumulative[i - 1];
                double lower = i == 0 ? 0 : bounds[i - 1];
                double share = (rank - below) / Math.max(1, cumulative[i] - below);
                return lower + (bounds[i] - lower) * Math.min(1, Math.max(0, share));
            }
        }
        return bounds[bounds.length - 1];
    }

    /** The upper bound of the highest bucket with an observation; +Inf when one exceeded every bound. */
    double maxBucket() {
        for (int i = 0; i < cumulative.length; i++) {
            if (cumulative[i] == count() && count() > 0) {
                return i == bounds.length ? Double.POSITIVE_INFINITY : bounds[i];
            }
        }
        return Double.NaN;
    }

    /** count, p50, p90, p99 and the highest bucket, for the report (milliseconds, one decimal). */
    Map<String, Object> summary() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", count());
        s.put("p50Ms", round(percentile(0.50)));
        s.put("p90Ms", round(percentile(0.90)));
        s.put("p99Ms", round(percentile(0.99)));
        double max = maxBucket();
        s.put("maxBucketMs", Double.isInfinite(max) ? (Object) ("> " + (long) bounds[bounds.length - 1]) : round(max));
        return s;
    }

    /** One decimal; NaN (no observations) stays NaN, which the report shows as null. */
    static double round(double ms) {
        return Double.isFinite(ms) ? Math.round(ms * 10) / 10.0 : ms;
    }

    private void requireSameBounds(Histogram other) {
        if (!Arrays.equals(bounds, other.bounds)) {
            throw new IllegalStateException("histograms with different bounds: " + Arrays.toString(bounds) + " and "
                    + Arrays.toString(other.bounds));
        }
    }

    /**
     * Counts observations one by one (the bare subscriber), for snapshots. Not thread-safe: one
     * thread records, and snapshots are taken under the caller's lock.
     */
    static final class Recorder {

        private final long[] buckets = new long[BOUNDS_MS.length + 1];

        void record(double ms) {
            int i = Arrays.binarySearch(BOUNDS_MS, ms);
            // An exact bound belongs to its own bucket (le means "less than or equal").
            buckets[i >= 0 ? i : -i - 1]++;
        }

        Histogram snapshot() {
            long[] cumulative = new long[buckets.length];
            long running = 0;
            for (int i = 0; i < buckets.length; i++) {
                running += buckets[i];
                cumulative[i] = running;
            }
            return new Histogram(BOUNDS_MS, cumulative);
        }
    }
}
