package io.hallwatch.bridge.mqtt;

import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Where and as whom to connect to an MQTT broker. {@code tcp://} is plain, {@code ssl://} is TLS
 * checked against the JVM's trust store (set {@code -Djavax.net.ssl.trustStore=...} for a private CA).
 *
 * @param url      the broker, e.g. {@code tcp://127.0.0.1:1883}
 * @param username the MQTT user name, or null for none
 * @param password the password, or null
 */
public record Broker(String url, String username, String password) {

    public Broker {
        if (url == null || !(url.startsWith("tcp://") || url.startsWith("ssl://"))) {
            throw new IllegalArgumentException("broker URL '" + url + "' must start with tcp:// or ssl://");
        }
    }

    public Broker as(String user, String secret) {
        return new Broker(url, user, secret);
    }

    /** Connects a client with a clean session that reconnects by itself. */
    public MqttAsyncClient connect(String clientId, Duration timeout) throws MqttException {
        return connect(clientId, timeout, options(), 1000);
    }

    /**
     * Connects with the given options (user name and password are set from this broker) and an
     * in-flight window of {@code maxInflight} QoS 1 messages.
     */
    public MqttAsyncClient connect(String clientId, Duration timeout, MqttConnectOptions options, int maxInflight)
            throws MqttException {
        return connect(clientId, timeout, options, maxInflight, client -> { });
    }

    /**
     * The same, with {@code prepare} run on the client before it connects: a callback set only after
     * connecting would miss what a persistent session delivers right after the CONNACK.
     */
    public MqttAsyncClient connect(String clientId, Duration timeout, MqttConnectOptions options, int maxInflight,
            Consumer<MqttAsyncClient> prepare) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, clientId, new MemoryPersistence());
        prepare.accept(client);
        try {
            client.connect(login(options, maxInflight)).waitForCompletion(timeout.toMillis());
        } catch (MqttException e) {
            client.close(true);
            throw e;
        }
        return client;
    }

    /** {@code options} with this broker's user name and password and an in-flight window. */
    public MqttConnectOptions login(MqttConnectOptions options, int maxInflight) {
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        options.setMaxInflight(maxInflight);
        return options;
    }

    public static MqttConnectOptions options() {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(true);
        options.setConnectionTimeout(10);
        options.setKeepAliveInterval(30);
        return options;
    }

    /** A client id unique to this process, with a readable prefix. */
    public static String clientId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return url + (username == null ? "" : " as " + username);
    }
}
