package io.hallwatch.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLSocketFactory;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A test client that plays a device, a person or an observer at a broker: connects over TCP or TLS
 * (no automatic reconnect, so a cut connection stays cut), says whether a subscription was granted,
 * and keeps the topics of what it received.
 */
public final class MqttProbe implements AutoCloseable {

    private static final long WAIT_MS = 10_000;

    private final MqttAsyncClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private MqttProbe(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects with a clean session under a fresh client id; throws the broker's refusal. */
    public static MqttProbe connect(String url, String username, String password) throws MqttException {
        return connect(url, (username == null ? "anonymous" : username) + "-" + System.nanoTime(), username, password, null);
    }

    /** Connects under {@code clientId}; {@code tls} for {@code ssl://} URLs (null: the JVM's default trust). */
    public static MqttProbe connect(String url, String clientId, String username, String password, SSLSocketFactory tls)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        MqttProbe probe = new MqttProbe(client);
        client.setCallback(probe.new Collector());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        if (tls != null) {
            options.setSocketFactory(tls);
        }
        try {
            client.connect(options).waitForCompletion(WAIT_MS);
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return probe;
    }

    /** Whether the broker granted the subscription (MQTT 3.1.1 answers a refusal with 0x80). */
    public boolean subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1);
        token.waitForCompletion(WAIT_MS);
        int[] granted = token.getGrantedQos();
        return granted.length == 1 && granted[0] < 0x80;
    }

    /** QoS 1, waiting for the broker's acknowledgement. */
    public void publish(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, false).waitForCompletion(WAIT_MS);
    }

    /** QoS 0: for publishes a broker may drop without answering, as some do with what they do not authorise. */
    public void publishAtMostOnce(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false).waitForCompletion(WAIT_MS);
    }

    public List<String> received() {
        return List.copyOf(received);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(WAIT_MS);
        }
        client.close(true);
    }

    private final class Collector implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
            // isConnected() says so.
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            received.add(topic);
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // publish() waits for its token.
        }
    }
}
