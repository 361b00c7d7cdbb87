package io.hallwatch.bridge.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, in log-linear buckets (64 per power of two, so a percentile is within
 * about 1 % of the true value) with an exact maximum. Fixed memory whatever the message count, and safe
 * to record from several threads at once: a load run records from every connection's callback thread.
 */
public final class LatencyHistogram {

    private static final int SUB_BITS = 6;
    private static final int SUB = 1 << SUB_BITS;
    /** Latencies up to 2^40 microseconds (12 days) are counted; longer ones in the last bucket. */
    private static final long LIMIT = (1L << 40) - 1;
    private static final int BUCKETS = index(LIMIT) + 1;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    public void record(long micros) {
        long value = Math.max(0, Math.min(LIMIT, micros));
        counts.incrementAndGet(index(value));
        count.incrementAndGet();
        max.accumulateAndGet(value, Math::max);
    }

    public long count() {
        return count.get();
    }

    public long maxMicros() {
        return max.get();
    }

    /** The latency at or under which {@code percent} of the recorded ones fall (0 when none was recorded). */
    public long percentileMicros(double percent) {
        long total = count.get();
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percent / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(middle(i), max.get());
            }
        }
        return max.get();
    }

    static int index(long value) {
        if (value < 2 * SUB) {
            return (int) value;
        }
        int shift = 63 - Long.numberOfLeadingZeros(value) - SUB_BITS;
        return 2 * SUB + (shift - 1) * SUB + (int) ((value >> shift) - SUB);
    }

    private static long middle(int index) {
        if (index < 2 * SUB) {
            return index;
        }
        int shift = (index - 2 * SUB) / SUB + 1;
        long lower = ((long) ((index - 2 * SUB) % SUB) + SUB) << shift;
        return lower + (1L << shift) / 2;
    }
}
