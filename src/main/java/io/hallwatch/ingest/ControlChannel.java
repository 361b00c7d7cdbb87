package io.hallwatch.ingest;

import io.quarkus.logging.Log;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A request and response topic pair at the external broker under an administrator's login, such as
 * Mosquitto's {@code $CONTROL/dynamic-security/v1}: its own connection (clean session, reconnecting
 * on its own, trying again every few seconds until the broker first answers), the response topic
 * subscribed on every connection, each response handed to a listener on Paho's thread. The listener
 * must return quickly; matching responses to requests is the caller's business.
 */
public final class ControlChannel implements AutoCloseable {

    private static final long CONNECT_RETRY_SECONDS = 5;

    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final String requestTopic;
    private final String responseTopic;
    private final ScheduledExecutorService connector;
    /** Connected with the response topic subscribed: before that, an answer could pass unheard. */
    private volatile boolean ready;

    private ControlChannel(MqttAsyncClient client, MqttConnectOptions options, String requestTopic,
            String responseTopic) {
        this.client = client;
        this.options = options;
        this.requestTopic = requestTopic;
        this.responseTopic = responseTopic;
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "hallwatch-mqtt-control"));
    }

    /**
     * Opens the channel to {@code hallwatch.mqtt.url} (with its TLS settings) and starts connecting in
     * the background.
     */
    public static ControlChannel open(MqttConfig config, String clientId, String username, String password,
            String requestTopic, String responseTopic, Consumer<byte[]> responses) {
        String url = config.url().orElseThrow(() -> new IllegalStateException(
                "hallwatch.mqtt.url: required for a control channel to an external broker"));
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay((int) config.maxReconnectDelay().toMillis());
        options.setKeepAliveInterval((int) config.keepAlive().toSeconds());
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setUserName(username);
        options.setPassword(password.toCharArray());
        MqttTls.apply(options, url, config);
        try {
            MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
            ControlChannel channel = new ControlChannel(client, options, requestTopic, responseTopic);
            client.setCallback(channel.new Callback(responses));
            channel.connector.execute(channel::connect);
            return channel;
        } catch (MqttException e) {
            throw new IllegalStateException("hallwatch.mqtt.url '" + url + "' is not a usable MQTT URL: "
                    + e.getMessage(), e);
        }
    }

    /** Whether requests can be sent and their answers heard. */
    public boolean isReady() {
        return ready && client.isConnected();
    }

    /** Waits at most {@code timeout} for the channel to become ready; returns whether it is. */
    public boolean awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (!isReady()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    private synchronized void setReady(boolean value) {
        ready = value;
        notifyAll();
    }

    /** Publishes a request (QoS 1) and waits at most {@code timeout} for the broker to take it. */
    public void send(byte[] request, Duration timeout) {
        if (!isReady()) {
            throw new IllegalStateException("not connected to the broker's " + requestTopic);
        }
        try {
            client.publish(requestTopic, request, 1, false).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            throw new IllegalStateException("publishing to " + requestTopic + " failed: " + e.getMessage(), e);
        }
    }

    private void connect() {
        try {
            client.connect(options).waitForCompletion(15_000);
        } catch (MqttException e) {
            Log.warnf("Broker control topic %s not reachable at %s (%s); retrying in %d s", requestTopic,
                    client.getServerURI(), e.getMessage(), CONNECT_RETRY_SECONDS);
            if (!connector.isShutdown()) {
                connector.schedule(this::connect, CONNECT_RETRY_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        connector.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            Log.debugf("Control channel disconnect: %s", e.getMessage());
        }
        try {
            // Also ends an automatic reconnect in progress, which close() alone refuses to interrupt.
            client.disconnectForcibly(0, 1_000, false);
        } catch (MqttException e) {
            Log.debugf("Control channel forced disconnect: %s", e.getMessage());
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            Log.debugf("Control channel close: %s", e.getMessage());
        }
    }

    /** Subscribes on every connection (the session is clean) and hands responses over. */
    private final class Callback implements MqttCallbackExtended {

        private final Consumer<byte[]> responses;

        Callback(Consumer<byte[]> responses) {
            this.responses = responses;
        }

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            try {
                client.subscribe(responseTopic, 1, null, new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        setReady(token.getGrantedQos().length > 0 && token.getGrantedQos()[0] < 0x80);
                        if (ready) {
                            Log.infof("Connected to the broker's %s at %s", requestTopic, serverUri);
                        } else {
                            Log.errorf("The broker refused %s a subscription to %s: check its ACL",
                                    options.getUserName(), responseTopic);
                        }
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable error) {
                        Log.errorf("Subscribing to %s failed: %s", responseTopic, error.getMessage());
                    }
                });
            } catch (MqttException e) {
                Log.errorf("Subscribing to %s failed: %s", responseTopic, e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            setReady(false);
            Log.warnf("Lost the connection to the broker's %s (%s); reconnecting", requestTopic,
                    cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            try {
                responses.accept(message.getPayload());
            } catch (RuntimeException e) {
                // Thrown out of Paho's callback it would drop the connection.
                Log.warnf("Unreadable answer on %s: %s", topic, e.getMessage());
            }
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // send() waits for its own token.
        }
    }
}
