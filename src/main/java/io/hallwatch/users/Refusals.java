package io.hallwatch.users;

import io.hallwatch.audit.AuditLog;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes refused logins ({@value #LOGIN}, the user name as claimed as target) and refused requests of
 * logged-in people ({@value #FORBIDDEN}, {@code METHOD path} as target) to the audit trail, never with
 * a password. {@link AuditLog#refused} may be called from any thread, never throws, and keeps a flood
 * of refusals from flooding the trail.
 */
@ApplicationScoped
public class Refusals {

    public static final String LOGIN = "auth.login";
    public static final String FORBIDDEN = "auth.forbidden";

    @Inject
    AuditLog audit;

    /** A login refused for {@code reason} ({@code wrong password}, {@code unknown user}). */
    public void login(String username, String address, String reason, String via) {
        audit.refused(username, address, LOGIN, username, details(reason, via));
    }

    /** A login refused unseen, because its name or address is locked for {@code lockedFor}. */
    public void locked(String username, String address, Duration lockedFor, String via) {
        Map<String, Object> details = details("locked", via);
        details.put("lockedForSeconds", Math.max(1, lockedFor.toSeconds()));
        audit.refused(username, address, LOGIN, username, details);
    }

    /** A request of a logged-in person refused: {@code what} is {@code METHOD path}. */
    public void request(String username, String address, String what, String reason, String hall) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        if (hall != null) {
            details.put("hall", hall);
        }
        audit.refused(username, address, FORBIDDEN, what, details);
    }

    /**
     * A logged-in person refused by a role check ({@code @RolesAllowed}): their 403. An anonymous
     * caller's refusal is the 401 that asks for a login, not recorded.
     */
    void forbidden(@Observes AuthorizationFailureEvent event) {
        SecurityIdentity who = event.getSecurityIdentity();
        if (who == null || who.isAnonymous()) {
            return;
        }
        Object context = event.getEventProperties().get(RoutingContext.class.getName());
        RoutingContext http = context instanceof RoutingContext ? (RoutingContext) context : null;
        String what = http == null ? event.getAuthorizationContext()
                : http.request().method().name() + " " + http.request().path();
        request(who.getPrincipal().getName(), LoginGuard.address(http), what, "role may not do this", null);
    }

    private static Map<String, Object> details(String reason, String via) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", reason);
        details.put("via", via);
        return details;
    }
}
