package io.hallwatch.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** The ingest pipeline between the MQTT client and the feature handlers. */
@ConfigMapping(prefix = "hallwatch.ingest")
public interface IngestConfig {

    /** Worker threads; the halls are split between them, so one hall's messages keep their order. */
    @WithDefault("2")
    @Min(1)
    @Max(64)
    int workers();

    /**
     * Messages waiting per worker. When a queue is full the MQTT client stops reading, so the
     * broker holds the messages (back-pressure) instead of the service dropping them.
     */
    @WithDefault("500")
    @Min(1)
    @Max(100000)
    int queueCapacity();

    /** Most messages a worker handles in one database transaction. */
    @WithDefault("100")
    @Min(1)
    @Max(10000)
    int batchSize();

    /** How far ahead of the service clock a device's {@code ts} may be (contract: 5 minutes). */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** How many rejected messages are kept for inspection; older ones are pruned. */
    @WithDefault("10000")
    @Min(100)
    int rejectionsKept();
}
