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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may do what on the embedded broker. The service may read and write everything. A device logs
 * in with user name = device id and its provisioned password, and may only publish under its own id
 * (contract, section 1), and may not use the service's client id. A person of {@code /api/users} (a
 * crew handheld) logs in with their own user name and password and may only subscribe to the alerts
 * of their halls and teams (contract, section 3). With authentication off, anyone may do anything.
 */
@ApplicationScoped
public class BrokerAccess implements IAuthenticator, IAuthorizatorPolicy {

    private final String servicePassword = DeviceCredentials.newPassword();
    /** Client ids of the connections people (crew handhelds) logged in with. */
    private final Set<String> peopleClients = ConcurrentHashMap.newKeySet();

    @Inject
    MqttConfig config;
    @Inject
    PasswordLogin people;

    String servicePassword() {
        return servicePassword;
    }

    @Override
    public boolean checkValid(String clientId, String username, byte[] password) {
        if (!config.embedded().authentication()) {
            return true;
        }
        if (username == null || password == null) {
            return false;
        }
        String secret = new String(password, StandardCharsets.UTF_8);
        if (EmbeddedBroker.SERVICE_USER.equals(username)) {
            return servicePassword.equals(secret);
        }
        if (config.clientId().equals(clientId)) {
            // A device taking the service's client id would cut the service off and end its session.
            return false;
        }
        Device device = QuarkusTransaction.requiringNew().call(() -> Device.<Device>findById(username));
        if (device != null) {
            peopleClients.remove(clientId);
            return device.isActive() && DeviceCredentials.matches(secret, device.credentialHash);
        }
        boolean person = people.check(username, secret).isPresent();
        if (person) {
            peopleClients.add(clientId);
        }
        return person;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        if (!config.embedded().authentication() || EmbeddedBroker.SERVICE_USER.equals(user)) {
            return true;
        }
        if (peopleClients.contains(client)) {
            // People only listen (their alerts); only devices publish.
            return false;
        }
        String[] parts = topic.toString().split("/", -1);
        return user != null && parts.length == 5 && topic.toString().startsWith(Topics.ROOT + "/")
                && parts[4].equals(user) && !parts[3].equals(Topics.ALERTS);
    }

    @Override
    public boolean canRead(Topic topic, String user, String client) {
        if (!config.embedded().authentication() || EmbeddedBroker.SERVICE_USER.equals(user)) {
            return true;
        }
        if (user == null || QuarkusTransaction.requiringNew().call(() -> Device.findById(user)) != null) {
            return false;
        }
        return people.find(user).map(caller -> caller.mayReadAlerts(topic.toString())).orElse(false);
    }
}
