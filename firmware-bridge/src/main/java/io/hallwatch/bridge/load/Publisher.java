package io.hallwatch.bridge.load;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * One connection of a load run, on its own thread: publishes its devices' readings in turn at its
 * share of the rate until the end (or a stop), then waits up to the ack timeout for the messages still
 * in flight and counts those that never got an acknowledgement as timed out. At most
 * {@code maxInflight} messages are in flight at once, whatever the QoS, so a broker that does not keep
 * up costs errors rather than memory. Paho's callbacks only count: a slow callback would stall the
 * connection and distort the latencies measured.
 */
final class Publisher implements Runnable, IMqttActionListener {

    /** After the drain, late callbacks find the counter far below zero and are ignored. */
    private static final long CLOSED = Long.MIN_VALUE / 2;

    private final MqttAsyncClient client;
    private final List<SimDevice> devices;
    private final Pacer pacer;
    private final LoadStats stats;
    private final LoadSettings settings;
    private final AtomicBoolean stop;
    private final long end;
    private final AtomicLong outstanding = new AtomicLong();
    private final SplittableRandom random;
    private int next;

    Publisher(MqttAsyncClient client, List<SimDevice> devices, Pacer pacer, LoadStats stats, LoadSettings settings,
            AtomicBoolean stop, SplittableRandom random) {
        this.client = client;
        this.devices = devices;
        this.pacer = pacer;
        this.stats = stats;
        this.settings = settings;
        this.stop = stop;
        this.end = stats.measureUntil();
        this.random = random;
        client.setCallback(new Disconnects(stats));
    }

    @Override
    public void run() {
        while (!stop.get()) {
            long now = System.nanoTime();
            if (now >= end) {
                break;
            }
            for (long n = pacer.take(now); n > 0; n--) {
                publish(devices.get(next));
                next = (next + 1) % devices.size();
            }
            long wait = Math.min(pacer.nextDue(), end) - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        stats.scheduled(pacer.taken());
        stats.missed(pacer.missed());
        drain(System.nanoTime() + settings.ackTimeout().toNanos());
        close();
    }

    private void publish(SimDevice device) {
        if (outstanding.get() >= settings.maxInflight()) {
            stats.failed(ErrorCause.MAX_INFLIGHT, 1, null);
            return;
        }
        MqttMessage message = new MqttMessage(device.next(System.currentTimeMillis(), random));
        message.setQos(settings.qos());
        long sentAt = System.nanoTime();
        outstanding.incrementAndGet();
        try {
            client.publish(device.topic(), message, sentAt, this);
            stats.sent(sentAt);
        } catch (MqttException e) {
            outstanding.decrementAndGet();
            stats.failed(ErrorCause.of(e), 1, e.toString());
        }
    }

    @Override
    public void onSuccess(IMqttToken token) {
        long now = System.nanoTime();
        if (outstanding.decrementAndGet() >= 0) {
            stats.acked((Long) token.getUserContext(), now);
        }
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
        if (outstanding.decrementAndGet() >= 0) {
            stats.failed(ErrorCause.of(failure), 1, String.valueOf(failure));
        }
    }

    /** Messages published and not yet acknowledged. */
    long inFlight() {
        return Math.max(0, outstanding.get());
    }

    private void drain(long deadline) {
        while (outstanding.get() > 0 && System.nanoTime() < deadline) {
            // Polling: Paho offers no "all delivered" signal across tokens, and a latch per message costs more.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        long left = outstanding.getAndSet(CLOSED);
        if (left > 0) {
            stats.failed(ErrorCause.TIMEOUT, left, null);
        }
    }

    private void close() {
        try {
            client.disconnect(0).waitForCompletion(2_000);
        } catch (MqttException ignored) {
            // Closing below frees the client whether or not the broker heard the DISCONNECT.
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // Nothing is left to release.
        }
    }

    /** Counts lost connections; Paho reconnects by itself. */
    private static final class Disconnects implements MqttCallback {
        private final LoadStats stats;

        Disconnects(LoadStats stats) {
            this.stats = stats;
        }

        @Override
        public void connectionLost(Throwable cause) {
            stats.disconnected();
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            // A load run subscribes to nothing.
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
            // Counted by the publish listener, which knows when the message was sent.
        }
    }
}
