package io.hallwatch.users;

import io.hallwatch.platform.SecretFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * HTTP Basic login of the {@code admin} account and of the people in {@code app_user}. The admin
 * password comes from {@code HALLWATCH_ADMIN_PASSWORD}; when that is unset, one is generated on first
 * start (made at start-up, not at the first login) and kept in {@code <data-dir>/admin-password},
 * readable only by the service's user. A person's identity carries their roles and, as the attributes
 * {@link Caller#HALLS} and {@link Caller#STAFF}, the halls they work for and the staff member they are.
 * A verified password is remembered for a few minutes (as a keyed digest of the name, the stored hash
 * and the password, never in clear), so that a phone polling its orders does not cost a PBKDF2 round
 * each time; a changed password changes the stored hash, which ends what was remembered at once, on
 * every instance. Every login first asks {@link LoginGuard} whether its name or address is locked,
 * and each failure is counted there and recorded in the audit trail.
 */
@Startup
@ApplicationScoped
public class PasswordLogin implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    public static final String ADMIN = "admin";
    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final String DUMMY_HASH = Passwords.hash("not a password of anyone");
    private static final String WRONG = "wrong password";
    private static final String UNKNOWN = "unknown user";

    @ConfigProperty(name = "hallwatch.admin-password")
    Optional<String> configured;
    @ConfigProperty(name = "hallwatch.data-dir", defaultValue = "./data")
    String dataDir;
    @Inject
    LoginGuard guard;

    private final Map<String, Remembered> verified = new ConcurrentHashMap<>();
    private final byte[] rememberKey = new byte[32];
    private byte[] password;

    @PostConstruct
    void load() {
        String value = configured.filter(p -> !p.isBlank()).orElseGet(
                () -> SecretFiles.readOrCreate(dataDir, "admin-password", 18, true, "HALLWATCH_ADMIN_PASSWORD"));
        password = value.getBytes(StandardCharsets.UTF_8);
        new SecureRandom().nextBytes(rememberKey);
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
            AuthenticationRequestContext context) {
        String username = request.getUsername();
        String given = new String(request.getPassword().getPassword());
        String address = LoginGuard.address(HttpSecurityUtils.getRoutingContextAttribute(request));
        return context.runBlocking(() -> identity(login(username, given, address, LoginGuard.HTTP)));
    }

    /**
     * The person (or admin) with this user name and password, for logins outside HTTP (the embedded
     * broker, where crew handhelds subscribe to their alerts); empty when the password is wrong or the
     * name or address is locked. Failures count towards the name's and the address's lock like those
     * over HTTP.
     *
     * @param address the client's address as the broker reports it; null when the broker does not say
     */
    public Optional<Caller> check(String username, String given, String address) {
        try {
            return Optional.of(login(username, given, address, LoginGuard.MQTT));
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    /** The person with this user name as they are now, without checking a password; empty when unknown. */
    public Optional<Caller> find(String username) {
        if (ADMIN.equals(username)) {
            return Optional.of(Caller.admin());
        }
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(username));
        return Optional.ofNullable(user).map(Caller::of);
    }

    /** Forgets what was verified for {@code username}, after its password, roles or halls changed. */
    public void forget(String username) {
        verified.remove(username);
    }

    /** Checks a login against the lock, then the password; counts and records a failure. */
    private Caller login(String username, String given, String address, String via) {
        guard.before(username, address, via);
        Verified verified = ADMIN.equals(username) ? admin(given) : person(username, given);
        if (verified.caller() != null) {
            guard.succeeded(username);
            return verified.caller();
        }
        guard.failed(username, address, verified.failure(), via);
        throw new AuthenticationFailedException();
    }

    private Verified admin(String given) {
        return MessageDigest.isEqual(password, given.getBytes(StandardCharsets.UTF_8))
                ? new Verified(Caller.admin(), null) : new Verified(null, WRONG);
    }

    private Verified person(String username, String given) {
        AppUser user = QuarkusTransaction.requiringNew().call(() -> AppUser.<AppUser>findById(username));
        if (user == null) {
            // Same cost as a wrong password, over HTTP and at the broker alike, so that the time of an
            // answer does not tell which user names (or device ids, asked at the broker) exist.
            Passwords.matches(given, DUMMY_HASH);
            return new Verified(null, UNKNOWN);
        }
        byte[] digest = digest(username, given, user.passwordHash);
        Remembered seen = verified.get(username);
        boolean known = seen != null && seen.until().isAfter(Instant.now()) && MessageDigest.isEqual(seen.digest(), digest);
        if (!known && !Passwords.matches(given, user.passwordHash)) {
            return new Verified(null, WRONG);
        }
        if (!known) {
            verified.put(username, new Remembered(digest, Instant.now().plus(REMEMBER)));
        }
        return new Verified(Caller.of(user), null);
    }

    private static SecurityIdentity identity(Caller caller) {
        QuarkusSecurityIdentity.Builder identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(caller.username())).addRoles(caller.roles())
                .addAttribute(Caller.HALLS, caller.halls());
        if (caller.staffId() != null) {
            identity.addAttribute(Caller.STAFF, caller.staffId());
        }
        return identity.build();
    }

    private byte[] digest(String username, String given, String hash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(rememberKey, "HmacSHA256"));
            return mac.doFinal((username + "\n" + hash + "\n" + given).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
        }
    }

    private record Remembered(byte[] digest, Instant until) {
    }

    /** The outcome of a password check: the caller, or why it failed. */
    private record Verified(Caller caller, String failure) {
    }
}
