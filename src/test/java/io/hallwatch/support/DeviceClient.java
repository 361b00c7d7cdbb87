package io.hallwatch.support;

import java.nio.charset.StandardCharsets;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A device as the tests play it: a real MQTT client publishing with QoS 1 under its own credentials. */
public final class DeviceClient implements AutoCloseable {

    private final MqttClient client;

    private DeviceClient(MqttClient client) {
        this.client = client;
    }

    public static DeviceClient connect(String url, String username, String password) throws MqttException {
        return connect(url, username + "-" + System.nanoTime(), username, password);
    }

    /** Connects with a clean session under the given client id. */
    public static DeviceClient connect(String url, String clientId, String username, String password)
            throws MqttException {
        return connect(url, clientId, username, password, null, true);
    }

    /** Connects under the given client id and leaves the broker's session for that id as it is. */
    public static DeviceClient connectKeepingSession(String url, String clientId, String username, String password)
            throws MqttException {
        return connect(url, clientId, username, password, null, false);
    }

    /** Connects with a retained {@code offline} last will on {@code statusTopic}, as the contract asks of devices. */
    public static DeviceClient connectWithWill(String url, String username, String password, String statusTopic)
            throws MqttException {
        return connect(url, username + "-" + System.nanoTime(), username, password, statusTopic, true);
    }

    private static DeviceClient connect(String url, String clientId, String username, String password,
            String willTopic, boolean cleanSession) throws MqttException {
        MqttClient client = new MqttClient(url, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        if (willTopic != null) {
            options.setWill(willTopic, "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        }
        options.setCleanSession(cleanSession);
        // Paho completes a publish before it frees its in-flight slot; with the default 10 slots, quick
        // successive publishes can fail with "Too many publishes in progress".
        options.setMaxInflight(1000);
        options.setConnectionTimeout(10);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        if (username != null) {
            options.setUserName(username);
        }
        if (password != null) {
            options.setPassword(password.toCharArray());
        }
        client.setTimeToWait(10_000);
        client.connect(options);
        return new DeviceClient(client);
    }

    public void publish(String topic, String payload) throws MqttException {
        publish(topic, payload.getBytes(StandardCharsets.UTF_8), false);
    }

    public void publish(String topic, byte[] payload, boolean retained) throws MqttException {
        MqttMessage message = new MqttMessage(payload);
        message.setQos(1);
        message.setRetained(retained);
        client.publish(topic, message);
    }

    /** QoS 0, for messages the broker may drop without answering (a publish it does not authorise). */
    public void publishAtMostOnce(String topic, String payload) throws MqttException {
        client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 0, false);
    }

    /** Drops the connection without a DISCONNECT packet, as a device losing power does: the broker sends its will. */
    public void crash() throws MqttException {
        client.disconnectForcibly(0, 1_000, false);
        client.close();
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect();
        }
        client.close();
    }
}
