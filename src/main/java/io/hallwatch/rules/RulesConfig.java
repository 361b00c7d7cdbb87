package io.hallwatch.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How the hall rules look at conditions that no message announces (silence, grace periods, closing time). */
@ConfigMapping(prefix = "hallwatch.rules")
public interface RulesConfig {

    /** How often the tick looks for rule states that are due; also the latest an order opens after its time. */
    @WithDefault("15s")
    Duration tickInterval();

    /**
     * How long after each connection to the broker (start-up, reconnection) the tick waits, so that the
     * messages the broker kept meanwhile are handled before any timer is judged.
     */
    @WithDefault("30s")
    Duration tickDelay();

    /** Most due rule states one tick handles; the rest wait for the next tick. */
    @WithDefault("5000")
    int tickLimit();
}
