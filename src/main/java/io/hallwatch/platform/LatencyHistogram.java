package io.hallwatch.platform;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.stream.LongStream;

/**
 * End-to-end latencies (from a device's {@code ts} to something the service committed), exported as
 * fixed Prometheus buckets ({@code _bucket{le=...}}), so that any window's percentiles can be computed
 * from two scrapes (Grafana's {@code histogram_quantile}, the benchmark), which client-side
 * percentiles cannot. The bounds are fine around 100 ms, the target.
 */
public final class LatencyHistogram {

    /** Bucket bounds in milliseconds. */
    public static final long[] BOUNDS_MS = {1, 2, 3, 5, 7, 10, 15, 20, 30, 40, 50, 60, 70, 80, 90, 100, 125, 150,
        200, 250, 300, 400, 500, 750, 1000, 1500, 2000, 3000, 5000, 10000, 30000, 60000};

    private LatencyHistogram() {
    }

    public static Timer.Builder timer(String name, String description) {
        return Timer.builder(name).description(description)
                .serviceLevelObjectives(LongStream.of(BOUNDS_MS).mapToObj(Duration::ofMillis).toArray(Duration[]::new));
    }

    /** Milliseconds from {@code epochMillis} to now by the wall clock, never negative (device clocks run ahead). */
    public static Duration since(long epochMillis) {
        return Duration.ofMillis(Math.max(0, System.currentTimeMillis() - epochMillis));
    }
}
