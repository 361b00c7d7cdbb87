package io.hallwatch.ingest;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The service's MQTT subscription (Paho): QoS 1 on a persistent session under a stable client id,
 * automatic reconnect that subscribes again, and manual acknowledgement once a message is handled.
 * The Paho callback only hands messages to {@link IngestPipeline}.
 */
@ApplicationScoped
public class MqttIngest {

    static final int QOS = 1;
    private static final long CONNECT_RETRY_SECONDS = 5;

    @Inject
    MqttConfig config;
    @Inject
    IngestPipeline pipeline;
    @Inject
    EmbeddedBroker broker;
    @Inject
    Clock clock;

    private final AtomicInteger connection = new AtomicInteger();
    /** Off while stopping: what arrives then is left unacknowledged, for the broker to deliver again. */
    private volatile boolean accepting;
    private ScheduledExecutorService connector;
    private volatile MqttAsyncClient client;
    /** Made once at start, so that an unreadable trust store stops start-up instead of each connect. */
    private MqttConnectOptions connectOptions;
    /** When the current connection was made; null while disconnected. */
    private volatile Instant connectedAt;

    void onStart(@Observes @Priority(200) StartupEvent event) {
        start();
    }

    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        stop();
    }

    /** Connects (retrying in the background until the broker answers) and starts the pipeline. */
    public synchronized void start() {
        if (client != null) {
            return;
        }
        connectOptions = options();
        pipeline.start();
        accepting = true;
        try {
            client = new MqttAsyncClient(brokerUrl(), config.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalStateException("hallwatch.mqtt.url '" + brokerUrl() + "' is not a usable MQTT URL: "
                    + e.getMessage(), e);
        }
        client.setManualAcks(true);
        client.setCallback(new Callback(client));
        connector = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hallwatch-mqtt-connect"));
        connector.execute(this::connect);
    }

    /**
     * Disconnects without ending the session: the broker keeps the subscription and queues what
     * arrives until the service connects again under the same client id.
     */
    public synchronized void stop() {
        if (client == null) {
            return;
        }
        connector.shutdownNow();
        awaitConnector();
        accepting = false;
        // Finish and acknowledge what is queued while still connected, then leave.
        pipeline.stop(5, TimeUnit.SECONDS);
        MqttAsyncClient closing = client;
        client = null;
        connectedAt = null;
        try {
            if (closing.isConnected()) {
                closing.disconnect(2_000).waitForCompletion(5_000);
            }
        } catch (MqttException e) {
            Log.warnf("MQTT disconnect was not clean: %s", e.getMessage());
        }
        try {
            // Also ends an automatic reconnect in progress, which close() alone refuses to interrupt.
            closing.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            Log.debugf("MQTT forced disconnect: %s", e.getMessage());
        }
        try {
            closing.close(true);
        } catch (MqttException e) {
            Log.warnf("MQTT client did not close: %s", e.getMessage());
        }
    }

    private void awaitConnector() {
        try {
            connector.awaitTermination(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean isConnected() {
        MqttAsyncClient current = client;
        return current != null && current.isConnected();
    }

    /**
     * Since when the service has been able to hear devices without a break: the time of the current
     * connection, or now while disconnected. Silence before it says nothing about a device.
     */
    public Instant listeningSince() {
        Instant since = connectedAt;
        return since == null ? clock.instant() : since;
    }

    /**
     * Publishes {@code payload} on {@code topic} at QoS 1 (not retained) and waits for the broker's
     * acknowledgement, for the service's own topics (alerts). Fails while disconnected or when the
     * broker does not acknowledge in time; the caller keeps the message and tries again.
     */
    public void publish(String topic, byte[] payload, Duration timeout) {
        MqttAsyncClient current = client;
        if (current == null || !current.isConnected()) {
            throw new IllegalStateException("not connected to the MQTT broker");
        }
        try {
            current.publish(topic, payload, QOS, false).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException("MQTT publish failed: " + e.getMessage(), e);
        }
    }

    /** How many times the client has connected since start-up, reconnections included. */
    public int connections() {
        return connection.get();
    }

    public String brokerUrl() {
        return config.url().orElseGet(() -> "tcp://127.0.0.1:" + broker.port());
    }

    private void connect() {
        MqttAsyncClient current = client;
        if (current == null) {
            return;
        }
        try {
            current.connect(connectOptions).waitForCompletion(15_000);
            Log.infof("Connected to MQTT broker %s as %s", brokerUrl(), config.clientId());
        } catch (MqttException e) {
            Log.warnf("MQTT broker %s not reachable (%s); retrying in %d s", brokerUrl(), e.getMessage(),
                    CONNECT_RETRY_SECONDS);
            connector.schedule(this::connect, CONNECT_RETRY_SECONDS, TimeUnit.SECONDS);
        }
    }

    private MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) config.maxReconnectDelay().toMillis());
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setMaxInflight(1000);
        String username = config.url().isPresent() ? config.username().orElse(null) : broker.serviceUsername();
        String password = config.url().isPresent() ? config.password().orElse(null) : broker.servicePassword();
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        MqttTls.apply(options, brokerUrl(), config);
        return options;
    }

    private void subscribe(MqttAsyncClient current) {
        List<String> filters = Topics.subscriptions();
        int[] qos = filters.stream().mapToInt(f -> QOS).toArray();
        try {
            current.subscribe(filters.toArray(String[]::new), qos);
        } catch (MqttException e) {
            Log.errorf(e, "Subscribing to %s failed", filters);
        }
    }

    /** Paho's callback: hands off and returns; never blocks on anything but a full queue. */
    private final class Callback implements MqttCallbackExtended {

        private final MqttAsyncClient owner;

        Callback(MqttAsyncClient owner) {
            this.owner = owner;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (owner != client) {
                return;
            }
            connection.incrementAndGet();
            connectedAt = clock.instant();
            if (reconnect) {
                Log.infof("Reconnected to MQTT broker %s", serverUri);
            }
            subscribe(owner);
        }

        @Override
        public void connectionLost(Throwable cause) {
            connectedAt = null;
            Log.warnf("Lost the MQTT connection (%s); reconnecting", cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            if (!accepting || owner != client) {
                return;
            }
            int generation = connection.get();
            int id = message.getId();
            int qos = message.getQos();
            Runnable ack = () -> acknowledge(generation, id, qos);
            pipeline.submit(new InboundMessage(topic, message.getPayload(), message.isRetained(), clock.instant(),
                    System.nanoTime(), ack));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Alerts wait for their own token in publish().
        }

        /** Message ids are per connection: after a reconnect the broker redelivers instead. */
        private void acknowledge(int generation, int id, int qos) {
            if (qos == 0 || generation != connection.get() || !owner.isConnected()) {
                return;
            }
            try {
                owner.messageArrivedComplete(id, qos);
            } catch (MqttException e) {
                Log.debugf("Acknowledging message %d failed: %s", id, e.getMessage());
            }
        }
    }
}
