package io.hallwatch.notify;

import io.smallrye.config.ConfigMapping;
import jakarta.validation.constraints.Min;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Notification settings ({@code hallwatch.notify.*}); channels themselves are configured per hall over REST. */
@ConfigMapping(prefix = "hallwatch.notify")
public interface NotifyConfig {

    /**
     * Base64 of 32 random bytes: the AES key that seals channel URLs and secrets in the database. When
     * unset, one is generated on first start into {@code <data-dir>/notify-key}; keep that file (or this
     * value) safe and stable, or the stored channels cannot be read.
     */
    Optional<String> secretKey();

    /** The address people open the service at; links in messages point to {@code <public-url>/crew/}. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** How often the outbox is looked at for messages due. */
    @WithDefault("1s")
    Duration pollInterval();

    /** The first wait before a failed send is tried again; it doubles with each failure. */
    @WithDefault("5s")
    Duration firstRetry();

    /** The longest wait between two tries. */
    @WithDefault("10m")
    Duration maxRetry();

    /** A message not delivered this long after it was written is given up (kept as FAILED in its log). */
    @WithDefault("24h")
    Duration giveUpAfter();

    /** Channels sent to at once; one slow channel never holds up the others. */
    @WithDefault("4")
    @Min(1)
    int workers();

    /** Most orders in one bundled message; more wait for the channel's next free slot. */
    @WithDefault("20")
    @Min(1)
    int bundleMax();

    /** How long a publish to the MQTT alerts topic may wait for the broker's acknowledgement. */
    @WithDefault("10s")
    Duration mqttTimeout();
}
