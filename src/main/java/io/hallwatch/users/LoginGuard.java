package io.hallwatch.users;

import io.hallwatch.platform.Json;
import io.hallwatch.platform.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;

/**
 * Throttles failed logins ({@link LoginThrottle}, limits from {@link LoginConfig}) and records refused
 * ones ({@link Refusals}). A request with HTTP Basic credentials whose user name or client address is
 * locked is answered {@code 429 Too Many Requests} with {@code Retry-After} before anyone looks at its
 * password, so a correct password does not get in during a lock either. The password check itself
 * ({@link PasswordLogin}) asks again, for logins that do not pass the HTTP filter (the broker) and for
 * a lock that began while the request was under way; it then refuses with 401.
 */
@ApplicationScoped
public class LoginGuard {

    public static final String HTTP = "http";
    public static final String MQTT = "mqtt";
    /** Runs before the routes, and long before the lazy authentication of the REST layer. */
    private static final int FILTER_PRIORITY = 1000;

    @Inject
    LoginConfig config;
    @Inject
    Clock clock;
    @Inject
    Refusals refusals;

    private LoginThrottle throttle;

    @PostConstruct
    void start() {
        throttle = new LoginThrottle(config.limits());
    }

    void register(@Observes Filters filters) {
        filters.register(this::filter, FILTER_PRIORITY);
    }

    /** Refuses the login before its password is checked while its name or address is locked. */
    public void before(String username, String address, String via) {
        Duration lock = throttle.lockedFor(username, address, clock.instant());
        if (!lock.isZero()) {
            refusals.locked(username, address, lock, via);
            throw new AuthenticationFailedException("login locked");
        }
    }

    /** A wrong password or unknown name: counted, and recorded in the audit trail. */
    public void failed(String username, String address, String reason, String via) {
        throttle.failed(username, address, clock.instant());
        refusals.login(username, address, reason, via);
    }

    public void succeeded(String username) {
        throttle.succeeded(username, clock.instant());
    }

    /** The client's address as the HTTP layer sees it (the proxy's forwarded one when configured); null if unknown. */
    public static String address(RoutingContext context) {
        SocketAddress remote = context == null ? null : context.request().remoteAddress();
        return remote == null ? null : remote.hostAddress();
    }

    private void filter(RoutingContext context) {
        String username = basicUsername(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (username == null) {
            context.next();
            return;
        }
        String address = address(context);
        Duration lock = throttle.lockedFor(username, address, clock.instant());
        if (lock.isZero()) {
            context.next();
            return;
        }
        refusals.locked(username, address, lock, HTTP);
        long seconds = Math.max(1, lock.toSeconds() + (lock.toNanosPart() > 0 ? 1 : 0));
        long minutes = (seconds + 59) / 60;
        Problem problem = new Problem("about:blank", "Too Many Requests", 429,
                "too many failed logins for this user name or from this address; try again in " + minutes
                        + " minute(s) (登录失败次数过多，请 " + minutes + " 分钟后再试)", null);
        context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Json.write(problem));
    }

    /** The user name of an HTTP Basic {@code Authorization} header; null for none or another scheme. */
    static String basicUsername(String header) {
        if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
