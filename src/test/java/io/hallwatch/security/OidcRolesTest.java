package io.hallwatch.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hallwatch.users.Caller;
import io.hallwatch.users.OidcConfig;
import io.hallwatch.users.OidcRoles;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

/** A single sign-on token becomes the same caller a Basic login is: known roles, halls, staff member. */
class OidcRolesTest {

    /** A token with the given claims, as Quarkus OIDC hands it over (arrays as JSON arrays). */
    private record Token(String name, Map<String, Object> claims) implements JsonWebToken {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public Set<String> getClaimNames() {
            return claims.keySet();
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return (T) claims.get(claimName);
        }
    }

    private static OidcConfig config(String prefix) {
        return new OidcConfig() {
            @Override
            public String hallsClaim() {
                return "hallwatch_halls";
            }

            @Override
            public String staffClaim() {
                return "hallwatch_staff";
            }

            @Override
            public Optional<String> rolePrefix() {
                return Optional.ofNullable(prefix);
            }
        };
    }

    private static Caller login(OidcConfig config, Set<String> roles, Map<String, Object> claims) {
        SecurityIdentity token = QuarkusSecurityIdentity.builder().setPrincipal(new Token("zhang.san", claims))
                .addRoles(roles).build();
        return Caller.of(new OidcRoles(config).augment(token, null).await().indefinitely());
    }

    @Test
    void keepsOnlyTheSixHallWatchRolesOfAToken() {
        Caller caller = login(config(null), Set.of("manager", "offline_access", "uma_authorization", "superuser"),
                Map.of("hallwatch_halls", Json.createArrayBuilder().add("h1").add("h2").build()));
        assertEquals("zhang.san", caller.username());
        assertEquals(Set.of("manager"), caller.roles());
        assertEquals(Set.of("h1", "h2"), caller.halls());
    }

    @Test
    void readsHallsFromACommaSeparatedString() {
        Caller caller = login(config(null), Set.of("ops"), Map.of("hallwatch_halls", "h1, h2,,h3"));
        assertEquals(Set.of("h1", "h2", "h3"), caller.halls());
    }

    @Test
    void givesNoHallWithoutTheClaimAndDropsMalformedHallIds() {
        assertEquals(Set.of(), login(config(null), Set.of("ops"), Map.of()).halls());
        assertEquals(Set.of("h1"), login(config(null), Set.of("ops"), Map.of("hallwatch_halls", List.of("h1", "../x")))
                .halls());
    }

    @Test
    void anAdminWorksForEveryHallWhateverTheClaimSays() {
        Caller caller = login(config(null), Set.of("admin"), Map.of("hallwatch_halls", "h1"));
        assertEquals(Set.of(Caller.ALL_HALLS), caller.halls());
    }

    @Test
    void stripsTheConfiguredPrefixAndIgnoresRolesWithoutIt() {
        Caller caller = login(config("hallwatch-"), Set.of("hallwatch-cleaning", "admin"), Map.of("hallwatch_halls", "h1"));
        assertEquals(Set.of("cleaning"), caller.roles());
        assertEquals(Set.of("h1"), caller.halls());
    }

    @Test
    void windowStaffAreTheStaffMemberTheirClaimNames() {
        Map<String, Object> claims = new HashMap<>(Map.of("hallwatch_halls", "h1", "hallwatch_staff", Json.createValue("s-7")));
        assertEquals("s-7", login(config(null), Set.of("staff"), claims).staffId());
        assertNull(login(config(null), Set.of("manager"), claims).staffId());
    }

    @Test
    void leavesABasicLoginAsItIs() {
        SecurityIdentity basic = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("wang"))
                .addRole("superuser").build();
        assertSame(basic, new OidcRoles(config(null)).augment(basic));
    }
}
