package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.mqtt.Broker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One connection to HallWatch's broker, logged in as a device (or as the shared identity), that
 * never blocks the bridge's worker. It logs in in the background, retrying with back-off (1 s up to
 * 5 min) until the first login succeeds, and keeps up to {@value #WAITING} messages meanwhile; after
 * that, Paho reconnects by itself and buffers as many while the broker is away. Its last will tells
 * HallWatch the device is offline when the bridge dies.
 */
final class DeviceLink {

    static final int WAITING = 10_000;
    private static final Duration MOST_BACK_OFF = Duration.ofMinutes(5);

    private final Broker login;
    private final String clientId;
    private final String statusTopic;
    private final int qos;
    private final ScheduledExecutorService retries;
    private final BridgeStats stats;
    private final Deque<ContractMessage> waiting = new ArrayDeque<>();
    private MqttAsyncClient client;
    private boolean connected;
    private Duration backOff = Duration.ofSeconds(1);

    DeviceLink(Broker login, String clientId, String statusTopic, int qos, ScheduledExecutorService retries,
            BridgeStats stats) {
        this.login = login;
        this.clientId = clientId;
        this.statusTopic = statusTopic;
        this.qos = qos;
        this.retries = retries;
        this.stats = stats;
    }

    /** Starts logging in; returns at once. */
    void open() {
        try {
            client = new MqttAsyncClient(login.url(), clientId, new MemoryPersistence());
            DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
            buffer.setBufferEnabled(true);
            buffer.setBufferSize(WAITING);
            buffer.setDeleteOldestMessages(false);
            client.setBufferOpts(buffer);
        } catch (MqttException e) {
            throw new IllegalArgumentException("cannot make a client for " + clientId + ": " + e.getMessage(), e);
        }
        attempt();
    }

    private void attempt() {
        MqttConnectOptions options = login.login(Broker.options(), 1000);
        if (statusTopic != null) {
            options.setWill(statusTopic, "offline".getBytes(StandardCharsets.UTF_8), 1, true);
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    loggedIn();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable cause) {
                    retry(cause);
                }
            });
        } catch (MqttException e) {
            retry(e);
        }
    }

    private synchronized void loggedIn() {
        connected = true;
        Log.info("%s logged in to %s", clientId, login.url());
        while (!waiting.isEmpty()) {
            send(waiting.poll());
        }
    }

    private synchronized void retry(Throwable cause) {
        Log.warn("%s cannot log in to %s (%s); retrying in %d s", clientId, login.url(),
                cause == null ? "refused" : cause.getMessage(), backOff.toSeconds());
        retries.schedule(this::attempt, backOff.toMillis(), TimeUnit.MILLISECONDS);
        backOff = backOff.multipliedBy(2).compareTo(MOST_BACK_OFF) > 0 ? MOST_BACK_OFF : backOff.multipliedBy(2);
    }

    /** Publishes now, or keeps the message until the first login; counts what cannot be kept. */
    synchronized void publish(ContractMessage message) {
        if (connected) {
            send(message);
        } else if (waiting.size() < WAITING) {
            waiting.add(message);
        } else {
            stats.failed.incrementAndGet();
            Log.warn("%s is not logged in and %d messages wait: dropped %s", clientId, WAITING, message.topic());
        }
    }

    private void send(ContractMessage message) {
        try {
            client.publish(message.topic(), message.payload(), qos, message.retained(), null, new Counted(stats, message));
        } catch (MqttException e) {
            stats.failed.incrementAndGet();
            Log.warn("not published for %s: %s", message.device(), e.getMessage());
        }
    }

    void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(5000).waitForCompletion(6000);
            }
            client.close(true);
        } catch (MqttException e) {
            Log.warn("closing %s: %s", clientId, e.getMessage());
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
