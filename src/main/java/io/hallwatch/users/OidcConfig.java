package io.hallwatch.users;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * How an OpenID Connect login (Keycloak or another single sign-on, {@code quarkus.oidc.*}) becomes a
 * HallWatch caller ({@code hallwatch.oidc.*}): the token's roles as configured by
 * {@code quarkus.oidc.roles.role-claim-path}, of which only the six HallWatch roles count, and the
 * claims naming the caller's halls and staff member. Unused while OIDC is off.
 */
@ConfigMapping(prefix = "hallwatch.oidc")
public interface OidcConfig {

    /** The claim listing the caller's hall ids: a JSON array or a comma-separated string; {@code *} for every hall. */
    @WithDefault("hallwatch_halls")
    String hallsClaim();

    /** The claim holding the staff id of a person with the role {@code staff}. */
    @WithDefault("hallwatch_staff")
    String staffClaim();

    /**
     * A prefix the provider's role names carry, stripped before they are matched: with
     * {@code hallwatch-}, the realm role {@code hallwatch-manager} is the role {@code manager}. Unset: the
     * roles are named as in HallWatch.
     */
    Optional<String> rolePrefix();
}
