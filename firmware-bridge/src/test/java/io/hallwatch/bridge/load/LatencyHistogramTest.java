package io.hallwatch.bridge.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void answersPercentilesWithinOnePercentAndTheExactMaximum() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long micros = 1; micros <= 100_000; micros++) {
            histogram.record(micros);
        }

        assertEquals(100_000, histogram.count());
        assertEquals(50_000, histogram.percentileMicros(50), 500);
        assertEquals(90_000, histogram.percentileMicros(90), 900);
        assertEquals(99_000, histogram.percentileMicros(99), 990);
        assertEquals(100_000, histogram.maxMicros());
    }

    @Test
    void answersSmallLatenciesExactly() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3);
        histogram.record(7);
        histogram.record(120);

        assertEquals(7, histogram.percentileMicros(50));
        assertEquals(120, histogram.percentileMicros(99));
    }

    @Test
    void answersZeroWhenNothingWasRecorded() {
        assertEquals(0, new LatencyHistogram().percentileMicros(99));
    }

    @Test
    void keepsHugeLatenciesInTheLastBucketInsteadOfFailing() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(Long.MAX_VALUE);

        assertEquals(1, histogram.count());
        assertEquals((1L << 40) - 1, histogram.maxMicros());
    }
}
