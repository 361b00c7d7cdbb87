package io.hallwatch.bridge.load;

import io.hallwatch.bridge.mqtt.Broker;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/**
 * One load run: connects every connection first (so that slow connects do not eat into the run),
 * then publishes for the warm-up and the measured period, prints progress once a second, drains, and
 * answers the report. {@link #stop()} (Ctrl-C) ends the publishing early and still yields a report.
 */
public final class LoadRun {

    /** How far a connection may fall behind its schedule before it skips messages rather than bursting. */
    private static final Duration MAX_BACKLOG = Duration.ofMillis(100);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final LoadSettings settings;
    private final List<List<SimDevice>> groups;
    private final PrintWriter progress;
    private final AtomicBoolean stop = new AtomicBoolean();
    private volatile LoadStats stats;

    public LoadRun(LoadSettings settings, List<List<SimDevice>> groups, PrintWriter progress) {
        this.settings = settings;
        this.groups = groups;
        this.progress = progress;
    }

    /** Runs the load; throws when a connection cannot be made, before anything was published. */
    public LoadReport run(int devices) throws MqttException {
        Instant startedAt = Instant.now();
        List<MqttAsyncClient> clients = connectAll();
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        LoadStats counters = new LoadStats(measureFrom, measureFrom + settings.duration().toNanos());
        stats = counters;
        if (stop.get()) {
            counters.endMeasurementAt(start);
        }
        List<Publisher> publishers = publishers(clients, counters, start);
        Progress ticker = new Progress(progress, counters, publishers, settings, start);
        try {
            runAll(publishers);
        } finally {
            ticker.close();
        }
        return LoadReport.of(settings, counters, devices, groups, startedAt, Instant.now(), stop.get());
    }

    /** Ends publishing now; the run still drains and reports. */
    public void stop() {
        stop.set(true);
        LoadStats current = stats;
        if (current != null) {
            current.endMeasurementAt(System.nanoTime());
        }
    }

    private List<MqttAsyncClient> connectAll() throws MqttException {
        List<MqttAsyncClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < groups.size() && !stop.get(); i++) {
                clients.add(settings.broker().connect(Broker.clientId(settings.clientIdPrefix() + "-" + (i + 1)),
                        CONNECT_TIMEOUT, Broker.options(), settings.maxInflight()));
            }
        } catch (MqttException e) {
            clients.forEach(LoadRun::closeQuietly);
            throw e;
        }
        return clients;
    }

    private List<Publisher> publishers(List<MqttAsyncClient> clients, LoadStats counters, long start) {
        List<Publisher> publishers = new ArrayList<>();
        SplittableRandom random = new SplittableRandom();
        for (int i = 0; i < clients.size(); i++) {
            double share = settings.rate() / groups.size();
            long backlog = Math.max(1, (long) (share * MAX_BACKLOG.toNanos() / 1e9));
            // Staggered starts interleave the connections' messages instead of sending them in step.
            long offset = (long) (1e9 / settings.rate() * i);
            Pacer pacer = new Pacer(start + offset, share, backlog);
            publishers.add(new Publisher(clients.get(i), groups.get(i), pacer, counters, settings, stop, random.split()));
        }
        return publishers;
    }

    /** Runs every publisher on its own thread until all have drained and closed. */
    private static void runAll(List<Publisher> publishers) {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < publishers.size(); i++) {
            threads.add(new Thread(publishers.get(i), "load-connection-" + (i + 1)));
        }
        threads.forEach(Thread::start);
        boolean interrupted = false;
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    // The publishers end by themselves at the deadline or on stop(); the report must wait for them.
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(MqttAsyncClient client) {
        try {
            client.disconnect(0).waitForCompletion(1_000);
        } catch (MqttException ignored) {
            // The run failed already; the connect error is what the user needs to see.
        }
        try {
            client.close(true);
        } catch (MqttException ignored) {
            // The run failed already; the connect error is what the user needs to see.
        }
    }
}
