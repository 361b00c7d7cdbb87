package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.mqtt.Credentials;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * Publishes contract messages on HallWatch's broker, as each device (one connection per device,
 * with its own credentials, so the broker's ACL holds it to its own topics) or as one shared login.
 * While a connection is down, Paho buffers up to {@value #BUFFER} messages per connection and sends
 * them when it is back; a device that could not log in at all is retried every minute.
 */
final class BrokerPublisher implements Publisher {

    static final int BUFFER = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final int qos;
    private final Function<String, Optional<Broker>> logins;
    private final Map<String, MqttAsyncClient> clients = new ConcurrentHashMap<>();
    private final Map<String, Long> lastAttempt = new ConcurrentHashMap<>();
    private final MqttAsyncClient shared;

    private BrokerPublisher(int qos, Function<String, Optional<Broker>> logins, MqttAsyncClient shared) {
        this.qos = qos;
        this.logins = logins;
        this.shared = shared;
    }

    /** One connection per device, each logging in with the device's credentials from the file. */
    static BrokerPublisher perDevice(Broker target, Credentials credentials, List<String> devices, int qos) {
        List<String> missing = devices.stream().filter(d -> credentials.of(d, target).isEmpty()).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("target.credentials has no password for " + String.join(", ", missing)
                    + ": provision them (firmware-bridge provision) or use the shared identity");
        }
        BrokerPublisher publisher = new BrokerPublisher(qos, d -> credentials.of(d, target), null);
        devices.forEach(publisher::client);
        return publisher;
    }

    /** One connection for all devices, for a broker whose ACL lets this login publish for them. */
    static BrokerPublisher shared(Broker target, int qos) throws MqttException {
        MqttAsyncClient client = connect(target, Broker.clientId("hallwatch-bridge-out"));
        Log.info("publishing as %s", target);
        return new BrokerPublisher(qos, d -> Optional.of(target), client);
    }

    @Override
    public void publish(ContractMessage message, BridgeStats stats) {
        MqttAsyncClient client = shared != null ? shared : client(message.device());
        if (client == null) {
            stats.failed.incrementAndGet();
            Log.warn("not published for %s (not logged in to the broker): %s", message.device(), message.topic());
            return;
        }
        try {
            client.publish(message.topic(), message.payload(), qos, message.retained(), null, new Counted(stats, message));
        } catch (MqttException e) {
            stats.failed.incrementAndGet();
            Log.warn("not published for %s: %s", message.device(), e.getMessage());
        }
    }

    private MqttAsyncClient client(String device) {
        MqttAsyncClient client = clients.get(device);
        if (client != null) {
            return client;
        }
        long now = System.nanoTime();
        Long last = lastAttempt.get(device);
        if (last != null && now - last < Duration.ofMinutes(1).toNanos()) {
            return null;
        }
        lastAttempt.put(device, now);
        Broker login = logins.apply(device).orElseThrow();
        try {
            client = connect(login, device);
            clients.put(device, client);
            Log.info("%s logged in to %s", device, login.url());
            return client;
        } catch (MqttException e) {
            Log.warn("%s cannot log in to %s: %s (retrying in a minute)", device, login.url(), e.getMessage());
            return null;
        }
    }

    private static MqttAsyncClient connect(Broker broker, String clientId) throws MqttException {
        MqttAsyncClient client = broker.connect(clientId, TIMEOUT);
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(BUFFER);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
        return client;
    }

    @Override
    public void close() {
        if (shared != null) {
            disconnect(shared);
        }
        clients.values().forEach(BrokerPublisher::disconnect);
    }

    private static void disconnect(MqttAsyncClient client) {
        try {
            client.disconnect(5000).waitForCompletion(6000);
            client.close();
        } catch (MqttException e) {
            Log.warn("closing %s: %s", client.getClientId(), e.getMessage());
        }
    }

    /** Counts a publication when the broker has it (QoS 1 and 2: acknowledged). */
    private record Counted(BridgeStats stats, ContractMessage message) implements IMqttActionListener {
        @Override
        public void onSuccess(IMqttToken token) {
            stats.published.incrementAndGet();
        }

        @Override
        public void onFailure(IMqttToken token, Throwable cause) {
            stats.failed.incrementAndGet();
            Log.warn("publishing %s failed: %s", message.topic(), cause == null ? "unknown" : cause.getMessage());
        }
    }
}
