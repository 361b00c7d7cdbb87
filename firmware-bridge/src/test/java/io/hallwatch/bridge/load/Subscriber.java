package io.hallwatch.bridge.load;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A QoS 1 subscriber that keeps every message it receives, in order, with the time it arrived. Its
 * callback only stores, so that it keeps up with a load run.
 */
final class Subscriber implements AutoCloseable, MqttCallback {

    /** One message as received. */
    record Received(String topic, byte[] payload, long nanos) {
    }

    private final MqttAsyncClient client;
    private final ConcurrentLinkedQueue<Received> messages = new ConcurrentLinkedQueue<>();

    private Subscriber(MqttAsyncClient client) {
        this.client = client;
    }

    static Subscriber of(String url, String filter) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(url, "test-subscriber-" + System.nanoTime(), new MemoryPersistence());
        Subscriber subscriber = new Subscriber(client);
        client.setCallback(subscriber);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setMaxInflight(1000);
        long timeout = Duration.ofSeconds(10).toMillis();
        client.connect(options).waitForCompletion(timeout);
        client.subscribe(filter, 1).waitForCompletion(timeout);
        return subscriber;
    }

    int count() {
        return messages.size();
    }

    List<Received> messages() {
        return List.copyOf(messages);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        messages.add(new Received(topic, message.getPayload(), System.nanoTime()));
    }

    @Override
    public void connectionLost(Throwable cause) {
        // A test asserting on the messages notices the gap.
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // It publishes nothing.
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
