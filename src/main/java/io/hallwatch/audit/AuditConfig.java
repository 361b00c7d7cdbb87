package io.hallwatch.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Min;

/**
 * Audit trail settings ({@code hallwatch.audit.*}): how many refused logins and requests get a line of
 * their own. Changes are always recorded, every one; only refusals, which anyone can cause at will, are
 * limited, and those over the limit are counted in one {@code audit.suppressed} line a minute.
 */
@ConfigMapping(prefix = "hallwatch.audit")
public interface AuditConfig {

    /** Refusals written per minute for one claimed user name from one address. */
    @WithDefault("5")
    @Min(1)
    int refusedPerMinute();

    /** Refusals written per minute in all, whoever and wherever they come from. */
    @WithDefault("120")
    @Min(1)
    int refusedTotalPerMinute();
}
