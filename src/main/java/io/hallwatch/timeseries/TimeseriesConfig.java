package io.hallwatch.timeseries;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.Optional;

/**
 * Recording in InfluxDB ({@code hallwatch.timeseries.*}). Off while {@code url} is unset: nothing is
 * kept for it then.
 */
@ConfigMapping(prefix = "hallwatch.timeseries")
public interface TimeseriesConfig {

    /** InfluxDB base URL, e.g. {@code http://influxdb:8086}; unset turns recording off. */
    Optional<String> url();

    /** API token with write access to the bucket (InfluxDB 1.8+: {@code user:password}). */
    Optional<String> token();

    /** Organisation (InfluxDB 2.x); ignored by 1.8+ and 3.x. */
    @WithDefault("hallwatch")
    String org();

    /** Bucket (InfluxDB 2.x/3.x) or database (1.8+). */
    @WithDefault("hallwatch")
    String bucket();

    /** Most points in one write request. */
    @WithDefault("5000")
    @Min(1)
    int batchSize();

    /** How often the relay looks for points to send. */
    @WithDefault("1s")
    Duration relayInterval();

    /** The longest wait between two tries while InfluxDB is down. */
    @WithDefault("5m")
    Duration maxRetry();

    /** How often the ingest counters are recorded. */
    @WithDefault("60s")
    Duration ingestInterval();
}
