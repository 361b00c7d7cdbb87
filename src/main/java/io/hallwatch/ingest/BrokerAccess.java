package io.hallwatch.ingest;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceCredentials;
import io.hallwatch.users.PasswordLogin;
import io.moquette.broker.security.IAuthenticator;
import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may do what at the MQTT broker: the one decision behind the embedded broker (Moquette asks it
 * through {@link IAuthenticator} and {@link IAuthorizatorPolicy}) and behind brokers that ask over
 * HTTP ({@code /api/broker/authenticate} and {@code /authorize}).
 * <ul>
 * <li>The service's login ({@code hallwatch-service} with a secret made at start-up on the embedded
 * broker; {@code hallwatch.mqtt.username}/{@code password} at an external one) may do anything.</li>
 * <li>A device logs in with user name = device id and its current password, and may only publish
 * topics whose last segment is its own id (not {@code alerts}); it reads nothing. The registry then
 * checks hall and kind of every message (contract, section 1). It may not use the service's client id.</li>
 * <li>A person of {@code /api/users} (a crew handheld) may only subscribe to the alerts of their
 * halls and teams (contract, section 3), as their roles are now.</li>
 * </ul>
 * Nobody connects anonymously. Every refusal is a {@link SecurityEvents security event}. With
 * {@code hallwatch.mqtt.embedded.authentication=false} the embedded broker lets anyone do anything.
 */
@ApplicationScoped
public class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {

    /** What kind of identity a login is. */
    public enum Role {
        SERVICE, DEVICE, PERSON
    }

    /** A login that passed. */
    public record Login(Role role, String username) {
    }

    private final String servicePassword = DeviceCredentials.newPassword();
    /** Logins of the embedded broker's connections by client id: a cache, refilled from the registry on a miss. */
    private final Map<String, Login> sessions = new ConcurrentHashMap<>();

    @Inject
    MqttConfig config;
    @Inject
    PasswordLogin people;
    @Inject
    SecurityEvents security;

    String servicePassword() {
        return servicePassword;
    }

    /**
     * Checks a login; refusals are recorded as security events.
     *
     * @param peer the client's address when known: for the record, and for the failure limit per address
     */
    public Optional<Login> authenticate(String clientId, String username, String password, String peer) {
        String refusal = refusal(clientId, username, password, peer);
        if (refusal != null) {
            security.refused(SecurityEvent.LOGIN_REFUSED, who(clientId, username, peer), refusal);
            return Optional.empty();
        }
        return identify(username);
    }

    /** Why a login is refused, or null when it passes. */
    private String refusal(String clientId, String username, String password, String peer) {
        if (username == null || username.isEmpty() || password == null) {
            return "no user name or password (anonymous clients are refused)";
        }
        if (isServiceUser(username)) {
            return servicePasswordMatches(password) ? null : "wrong password for the service's login";
        }
        if (config.clientId().equals(clientId)) {
            // A client taking the service's client id would cut the service off and end its session.
            return "the client id '" + clientId + "' belongs to the service";
        }
        Device device = device(username);
        if (device != null) {
            if (!device.isActive()) {
                return "device '" + username + "' is revoked";
            }
            return DeviceCredentials.matches(password, device.credentialHash) ? null
                    : "wrong password for device '" + username + "'";
        }
        return people.check(username, password, peer).isPresent() ? null : "unknown user or wrong password";
    }

    /** Who {@code username} is now, without a password: for brokers that authorise an authenticated client. */
    public Optional<Login> identify(String username) {
        if (username == null || username.isEmpty()) {
            return Optional.empty();
        }
        if (isServiceUser(username)) {
            return Optional.of(new Login(Role.SERVICE, username));
        }
        Device device = device(username);
        if (device != null) {
            // A device id shadows a person of the same name, even once revoked.
            return device.isActive() ? Optional.of(new Login(Role.DEVICE, username)) : Optional.empty();
        }
        return people.find(username).map(caller -> new Login(Role.PERSON, username));
    }

    /**
     * Whether {@code name} is a broker login other than a device's (the service's, or the broker
     * administrator's): a device must never be given one, nor have it changed at the broker.
     */
    public boolean isReservedUsername(String name) {
        return name.equals(EmbeddedBroker.SERVICE_USER) || config.username().map(name::equals).orElse(false)
                || config.dynsec().adminUsername().map(name::equals).orElse(false);
    }

    /** Whether {@code login} may publish to {@code topic}. */
    public boolean mayPublish(Login login, String topic) {
        switch (login.role()) {
            case SERVICE:
                return true;
            case DEVICE:
                return isOwnTopic(login.username(), topic);
            default:
                // People only listen to their alerts; only devices and the service publish.
                return false;
        }
    }

    /** Whether {@code login} may subscribe to {@code filter}. */
    public boolean maySubscribe(Login login, String filter) {
        switch (login.role()) {
            case SERVICE:
                return true;
            case PERSON:
                return people.find(login.username()).map(caller -> caller.mayReadAlerts(filter)).orElse(false);
            default:
                return false;
        }
    }

    /** {@code hallwatch/v1/{hall}/{kind}/{device}} with the device's own id, and not an alerts topic. */
    static boolean isOwnTopic(String device, String topic) {
        String[] parts = topic.split("/", -1);
        return parts.length == 5 && topic.startsWith(Topics.ROOT + "/") && parts[4].equals(device)
                && !parts[3].equals(Topics.ALERTS) && !topic.contains("+") && !topic.contains("#");
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (!config.embedded().authentication()) {
            return true;
        }
        String secret = password == null ? null : new String(password, StandardCharsets.UTF_8);
        // Moquette 0.17 hands its authenticator no address (the check runs on a session loop, away
        // from the connection), so logins here are limited per user name only.
        Optional<Login> login = authenticate(clientId, username, secret, null);
        if (login.isPresent() && clientId != null) {
            sessions.put(clientId, login.get());
        }
        return login.isPresent();
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        if (!config.embedded().authentication()) {
            return true;
        }
        Optional<Login> login = session(client, user);
        if (login.isPresent() && mayPublish(login.get(), topic.toString())) {
            return true;
        }
        security.refused(SecurityEvent.PUBLISH_REFUSED, who(client, user, null), "publish to " + topic);
        return false;
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        if (!config.embedded().authentication()) {
            return true;
        }
        Optional<Login> login = session(client, user);
        if (login.isPresent() && maySubscribe(login.get(), topic.toString())) {
            return true;
        }
        security.refused(SecurityEvent.SUBSCRIBE_REFUSED, who(client, user, null), "subscribe to " + topic);
        return false;
    }

    /** The embedded broker's connections logged in as {@code username}, by client id. */
    List<String> clientsOf(String username) {
        return sessions.entrySet().stream().filter(e -> e.getValue().username().equals(username))
                .map(Map.Entry::getKey).toList();
    }

    /** Forgets a connection that ended or was cut; a later publish under that id looks the login up again. */
    void forget(String clientId) {
        if (clientId != null) {
            sessions.remove(clientId);
        }
    }

    /** The login of a connection: cached, or looked up again (the user name Moquette passes is the authenticated one). */
    private Optional<Login> session(String clientId, String user) {
        Login cached = sessions.get(clientId);
        if (cached != null && cached.username().equals(user)) {
            return Optional.of(cached);
        }
        Optional<Login> login = identify(user);
        login.ifPresent(l -> sessions.put(clientId, l));
        return login;
    }

    private boolean isServiceUser(String username) {
        String service = config.url().isEmpty() ? EmbeddedBroker.SERVICE_USER : config.username().orElse(null);
        return username.equals(service);
    }

    private boolean servicePasswordMatches(String password) {
        String expected = config.url().isEmpty() ? servicePassword : config.password().orElse(null);
        return expected != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                password.getBytes(StandardCharsets.UTF_8));
    }

    private static Device device(String id) {
        return QuarkusTransaction.requiringNew().call(() -> Device.<Device>findById(id));
    }

    private static String who(String clientId, String username, String peer) {
        return "user '" + (username == null ? "" : username) + "', client id '" + (clientId == null ? "" : clientId)
                + "'" + (peer == null ? "" : " from " + peer);
    }
}
