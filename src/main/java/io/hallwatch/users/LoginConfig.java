package io.hallwatch.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/**
 * How failed logins are throttled ({@code hallwatch.login.*}): after {@code user-failures} failures of
 * one user name or {@code address-failures} from one client address within {@code window}, that name or
 * address is refused for {@code lock} without its password being checked.
 */
@ConfigMapping(prefix = "hallwatch.login")
public interface LoginConfig {

    /** Failed logins of one user name within the window that lock it. */
    @WithDefault("5")
    @Min(1)
    @Max(1000)
    int userFailures();

    /** Failed logins from one client address within the window that lock it. */
    @WithDefault("20")
    @Min(1)
    @Max(100000)
    int addressFailures();

    /** The span failures are counted over. */
    @WithDefault("15m")
    Duration window();

    /** How long a locked user name or address is refused. */
    @WithDefault("15m")
    Duration lock();

    /** The limits, or a start-up failure naming the property that cannot be. */
    default LoginThrottle.Limits limits() {
        if (window().isNegative() || window().isZero()) {
            throw new IllegalStateException("hallwatch.login.window must be positive, not " + window());
        }
        if (lock().isNegative() || lock().isZero()) {
            throw new IllegalStateException("hallwatch.login.lock must be positive, not " + lock());
        }
        return new LoginThrottle.Limits(userFailures(), addressFailures(), window(), lock());
    }
}
