package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.contract.ContractMessage;
import io.hallwatch.bridge.map.MapResult;
import io.hallwatch.bridge.map.Router;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The running bridge: a persistent session on the vendor broker subscribed to the configured
 * devices' topics, whose callback only queues each message; one worker maps them in arrival order
 * (so a device's messages keep their order) and publishes the contract messages. A message that
 * cannot be mapped is refused whole, logged with the reason and counted.
 */
public final class BridgeRunner implements AutoCloseable {

    private static final int QUEUE = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final BridgeConfig config;
    private final Router router;
    private final Publisher publisher;
    private final BridgeStats stats = new BridgeStats();
    private final RefusalLog refusals = new RefusalLog(20);
    private final BlockingQueue<Incoming> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread worker = new Thread(this::work, "bridge-worker");
    private MqttAsyncClient source;
    private boolean closed;

    private record Incoming(String topic, byte[] payload, Instant receivedAt) {
    }

    BridgeRunner(BridgeConfig config, Router router, Publisher publisher) {
        this.config = config;
        this.router = router;
        this.publisher = publisher;
    }

    public BridgeStats stats() {
        return stats;
    }

    /** Starts the worker, then connects to the vendor broker and subscribes. */
    void start() throws MqttException {
        worker.setDaemon(true);
        worker.start();
        MqttConnectOptions options = io.hallwatch.bridge.mqtt.Broker.options();
        // A persistent session: QoS 1 vendor messages sent while the bridge restarts wait for it.
        options.setCleanSession(false);
        source = config.source().connect(config.sourceClientId(), TIMEOUT, options, 1000);
        source.setCallback(new Callback());
        subscribe();
        Log.info("bridging %d devices from %s, subscribed to %s", config.devices().size(), config.source(), router.filters());
    }

    private void subscribe() throws MqttException {
        List<String> filters = router.filters();
        int[] qos = new int[filters.size()];
        java.util.Arrays.fill(qos, 1);
        source.subscribe(filters.toArray(String[]::new), qos).waitForCompletion(TIMEOUT.toMillis());
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Incoming next = queue.poll(1, TimeUnit.SECONDS);
                if (next != null) {
                    handle(next);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                // A bug in one mapping must not stop the bridge for every other device.
                stats.refused.incrementAndGet();
                Log.warn("mapping failed: %s", e);
            }
        }
    }

    void handle(String topic, byte[] payload, Instant receivedAt) {
        handle(new Incoming(topic, payload, receivedAt));
    }

    private void handle(Incoming in) {
        stats.received.incrementAndGet();
        MapResult result = router.map(in.topic(), in.payload(), in.receivedAt());
        if (result instanceof MapResult.Mapped) {
            for (ContractMessage message : ((MapResult.Mapped) result).messages()) {
                publisher.publish(message, stats);
            }
        } else if (result instanceof MapResult.Refused) {
            stats.refused.incrementAndGet();
            refusals.log(((MapResult.Refused) result).reason());
        } else {
            stats.ignored.incrementAndGet();
        }
    }

    /** True once every queued message has been mapped (tests wait for it). */
    boolean idle() {
        return queue.isEmpty();
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        worker.interrupt();
        try {
            if (source != null) {
                source.disconnect(5000).waitForCompletion(6000);
                source.close();
            }
        } catch (MqttException e) {
            Log.warn("closing the vendor connection: %s", e.getMessage());
        }
        publisher.close();
    }

    private final class Callback implements MqttCallbackExtended {

        @Override
        public void connectComplete(boolean reconnect, String serverUri) {
            if (reconnect) {
                Log.info("reconnected to %s", serverUri);
            }
        }

        @Override
        public void connectionLost(Throwable cause) {
            Log.warn("lost the vendor broker (%s); reconnecting", cause == null ? "closed" : cause.getMessage());
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) throws InterruptedException {
            // Blocks Paho when the worker is behind: slower, but nothing is dropped.
            queue.put(new Incoming(topic, message.getPayload(), Instant.now()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // The bridge publishes nothing on the vendor broker.
        }
    }
}
