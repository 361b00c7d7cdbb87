package io.hallwatch.workorders;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Work-order settings ({@code hallwatch.workorders.*}); deadlines themselves are per hall. */
@ConfigMapping(prefix = "hallwatch.workorders")
public interface WorkOrdersConfig {

    /** How often missed deadlines are looked for (and escalated). */
    @WithDefault("15s")
    Duration deadlineCheckInterval();

    /** Whether the scheduler looks for missed deadlines; tests turn it off and check explicitly. */
    @WithDefault("true")
    boolean deadlineChecks();

    /** Most orders escalated in one check; the rest wait for the next. */
    @WithDefault("500")
    int deadlineCheckLimit();
}
