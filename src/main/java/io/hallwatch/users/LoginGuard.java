package io.hallwatch.users;

import io.hallwatch.platform.Json;
import io.hallwatch.platform.Problem;
import io.hallwatch.platform.ProblemException;
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
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
    /** Logged-in names that gave a wrong current password, and when; only people who logged in add to it. */
    private final Map<String, Instant> wrongCurrent = new ConcurrentHashMap<>();

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

    /**
     * The same check for a password given inside a logged-in request (the current one, to change it):
     * while the name or address is locked it is refused with 429 as a login would be, not looked at.
     */
    public void beforeRecheck(String username, String address) {
        Duration lock = throttle.lockedFor(username, address, clock.instant());
        if (!lock.isZero()) {
            refusals.locked(username, address, lock, HTTP);
            throw new ProblemException(429, "Too Many Requests", lockedDetail(lock));
        }
    }

    /** A wrong password or unknown name: counted, and recorded in the audit trail. */
    public void failed(String username, String address, String reason, String via) {
        throttle.failed(username, address, clock.instant());
        refusals.login(username, address, reason, via);
    }

    /**
     * A login that passed clears its name's failures, unless the name gave a wrong current password
     * within the window: a session logs in again with every request, and must not wipe out its guesses.
     */
    public void succeeded(String username) {
        Instant wrong = wrongCurrent.get(username);
        if (wrong != null && wrong.plus(throttle.limits().window()).isAfter(clock.instant())) {
            return;
        }
        wrongCurrent.remove(username);
        throttle.succeeded(username, clock.instant());
    }

    /** A wrong current password in a logged-in request: counted and recorded like a wrong login. */
    public void failedRecheck(String username, String address) {
        wrongCurrent.put(username, clock.instant());
        failed(username, address, "wrong current password", HTTP);
    }

    /** The right current password: the name's guesses no longer count, as after a login. */
    public void passedRecheck(String username) {
        wrongCurrent.remove(username);
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
        Problem problem = new Problem("about:blank", "Too Many Requests", 429, lockedDetail(lock), null);
        context.response().setStatusCode(429).putHeader("Retry-After", String.valueOf(seconds(lock)))
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE).end(Json.write(problem));
    }

    private static long seconds(Duration lock) {
        return Math.max(1, lock.toSeconds() + (lock.toNanosPart() > 0 ? 1 : 0));
    }

    private static String lockedDetail(Duration lock) {
        long minutes = (seconds(lock) + 59) / 60;
        return "too many failed logins for this user name or from this address; try again in " + minutes
                + " minute(s) (登录失败次数过多，请 " + minutes + " 分钟后再试)";
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
