package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.map.MapResult;
import io.hallwatch.bridge.map.Router;
import io.hallwatch.bridge.mqtt.Broker;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The running bridge: a persistent session on the vendor broker subscribed to the configured
 * devices' topics. Its callback only queues each message; one worker maps them in arrival order (so a
 * device's messages keep their order), hands the contract messages to the publisher, and only then
 * acknowledges the vendor message. What the bridge had not handled when it stopped is therefore
 * delivered again by the vendor broker when it returns. A message that cannot be mapped is refused
 * whole, logged with the reason and counted.
 */
public final class BridgeRunner implements AutoCloseable {

    /** More than the vendor broker sends unacknowledged, so the callback never waits in practice. */
    private static final int QUEUE = 10_000;
    private static final int IN_FLIGHT = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BridgeConfig config;
    private final Router router;
    private final Publisher publisher;
    private final BridgeStats stats;
    private final RefusalLog refusals = new RefusalLog(20);
    private final BlockingQueue<Incoming> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker = new Thread(this::work, "bridge-worker");
    private MqttAsyncClient source;
    private boolean closed;

    private record Incoming(String topic, MqttMessage message, Instant receivedAt) {
    }

    BridgeRunner(BridgeConfig config, Router router, Publisher publisher, BridgeStats stats) {
        this.config = config;
        this.router = router;
        this.publisher = publisher;
        this.stats = stats;
    }

    public BridgeStats stats() {
        return stats;
    }

    /**
     * Starts the worker, then connects to the vendor broker (as {@code clientId}, on a persistent
     * session unless {@code cleanSession}) and subscribes.
     */
    void start(String clientId, boolean cleanSession) throws MqttException {
        worker.setDaemon(true);
        worker.start();
        MqttConnectOptions options = Broker.options();
        options.setCleanSession(cleanSession);
        source = config.source().connect(clientId, TIMEOUT, options, IN_FLIGHT, client -> {
            // Before connecting: a persistent session delivers what waited right after the CONNACK.
            client.setCallback(new Callback());
            client.setManualAcks(true);
        });
        subscribe().waitForCompletion(TIMEOUT.toMillis());
        Log.info("bridging %d devices from %s, subscribed to %s", config.devices().size(), config.source(), router.filters());
    }

    private IMqttToken subscribe() throws MqttException {
        List<String> filters = router.filters();
        int[] qos = new int[filters.size()];
        Arrays.fill(qos, 1);
        return source.subscribe(filters.toArray(String[]::new), qos);
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Incoming next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    handle(next);
                    acknowledge(next.message());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void handle(Incoming in) {
        stats.received.incrementAndGet();
        MapResult result;
        try {
            result = router.map(in.topic(), in.message().getPayload(), in.receivedAt(), in.message().isRetained());
        } catch (RuntimeException e) {
            // A bug in one mapping must not stop the bridge for every other device.
            result = new MapResult.Refused("topic " + in.topic() + ": the mapping failed: " + e);
        }
        if (result instanceof MapResult.Mapped) {
            MapResult.Mapped mapped = (MapResult.Mapped) result;
            mapped.messages().forEach(publisher::publish);
            // On a topic several devices share, one device's part can be refused while the others go.
            mapped.refusals().forEach(reason -> {
                stats.refused.incrementAndGet();
                refusals.log(reason);
            });
        } else if (result instanceof MapResult.Refused) {
            stats.refused.incrementAndGet();
            refusals.log(((MapResult.Refused) result).reason());
        } else {
            stats.ignored.incrementAndGet();
        }
    }

    private void acknowledge(MqttMessage message) {
        if (message.getQos() == 0) {
            return;
        }
        try {
            source.messageArrivedComplete(message.getId(), message.getQos());
        } catch (MqttException e) {
            // Gone with the connection: the vendor broker delivers it again on the next session.
            Log.warn("could not acknowledge a vendor message (%s); it will come again", e.getMessage());
        }
    }

    /** Logs the counts, and what refusals went unlogged. */
    void report() {
        refusals.flush();
        Log.info("%s", stats);
    }

    /**
     * Stops reading first, so that nothing more is acknowledged, then the worker, then the publisher,
     * whose connections send what they hold before they close.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (source != null) {
                source.disconnect(2000).waitForCompletion(3000);
                source.close();
            }
        } catch (MqttException e) {
            Log.warn("closing the vendor connection: %s", e.getMessage());
        }
        worker.interrupt();
        publisher.close();
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (!reconnect) {
                return;
            }
            Log.info("reconnected to %s; subscribing again", serverUri);
            try {
                // The broker may have lost the session (restarted without persistence, or expired it).
                subscribe().setActionCallback(new IMqttActionListener() {
                    @Override
                    public void onSuccess(IMqttToken token) {
                        Log.info("subscribed again to %s", router.filters());
                    }

                    @Override
                    public void onFailure(IMqttToken token, Throwable cause) {
                        Log.warn("subscribing again failed: %s", cause == null ? "unknown" : cause.getMessage());
                    }
                });
            } catch (MqttException e) {
                Log.warn("subscribing again failed: %s", e.getMessage());
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            Log.warn("lost the vendor broker (%s); reconnecting", cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            queue.put(new Incoming(topic, message, Instant.now()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // The bridge publishes nothing on the vendor broker.
        }
    }
}
