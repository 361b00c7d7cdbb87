package io.hallwatch.users;

import io.hallwatch.platform.Ids;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Gives an OpenID Connect login the same facts a Basic login has ({@link Caller}): of the token's
 * roles only the six HallWatch roles (after {@link OidcConfig#rolePrefix()}), so that a realm's other
 * roles grant nothing here; its halls from {@link OidcConfig#hallsClaim()} (every hall for an admin,
 * none when the claim is missing); and its staff member from {@link OidcConfig#staffClaim()}. Other
 * identities (HTTP Basic) pass unchanged.
 */
@ApplicationScoped
public class OidcRoles implements SecurityIdentityAugmentor {

    private final OidcConfig config;

    @Inject
    public OidcRoles(OidcConfig config) {
        this.config = config;
    }

    /** The caller facts a token carries. */
    public record Mapped(Set<String> roles, Set<String> halls, String staffId) {
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(() -> augment(identity));
    }

    /** The identity as HallWatch sees it: changed for a token, as it is otherwise. */
    public SecurityIdentity augment(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return identity;
        }
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Mapped mapped = map(identity.getRoles(), token.getClaim(config.hallsClaim()), token.getClaim(config.staffClaim()),
                config.rolePrefix().orElse(""));
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder().setPrincipal(token)
                .addCredentials(identity.getCredentials()).addAttributes(identity.getAttributes())
                .addRoles(mapped.roles()).addAttribute(Caller.HALLS, mapped.halls());
        if (mapped.staffId() != null) {
            builder.addAttribute(Caller.STAFF, mapped.staffId());
        }
        return builder.build();
    }

    /** The HallWatch facts of a token's roles and its hall and staff claims (as the token holds them). */
    public static Mapped map(Collection<String> tokenRoles, Object hallsClaim, Object staffClaim, String prefix) {
        Set<String> roles = new LinkedHashSet<>();
        for (String role : tokenRoles) {
            String name = role.startsWith(prefix) ? role.substring(prefix.length()) : null;
            if (name != null && Caller.ROLES.contains(name)) {
                roles.add(name);
            }
        }
        Set<String> halls = new LinkedHashSet<>();
        if (roles.contains(Caller.ADMIN)) {
            halls.add(Caller.ALL_HALLS);
        } else {
            values(hallsClaim).filter(h -> Caller.ALL_HALLS.equals(h) || h.matches(Ids.REGEX)).forEach(halls::add);
        }
        String staff = values(staffClaim).filter(s -> s.matches(Ids.REGEX)).findFirst().orElse(null);
        return new Mapped(Set.copyOf(roles), Set.copyOf(halls), roles.contains(Caller.STAFF_ROLE) ? staff : null);
    }

    /** The strings of a claim: a JSON array or collection of strings, or one comma-separated string. */
    private static Stream<String> values(Object claim) {
        Stream<?> raw;
        if (claim instanceof Collection<?>) {
            raw = ((Collection<?>) claim).stream();
        } else if (claim == null) {
            raw = Stream.empty();
        } else {
            raw = Arrays.stream(text(claim).split(","));
        }
        return raw.map(OidcRoles::text).map(String::trim).filter(s -> !s.isEmpty());
    }

    private static String text(Object value) {
        return value instanceof JsonString ? ((JsonString) value).getString() : String.valueOf(value);
    }
}
