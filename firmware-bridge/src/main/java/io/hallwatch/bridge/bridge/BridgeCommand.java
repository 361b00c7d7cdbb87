package io.hallwatch.bridge.bridge;

import io.hallwatch.bridge.map.Router;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bridge --config bridge.yaml}: republishes vendor sensors' messages on HallWatch's contract
 * until stopped (Ctrl-C or SIGTERM), reporting what it did every so often and when it stops.
 */
@Command(name = "bridge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Subscribes to vendor topics (Zigbee2MQTT, ESPHome, Tasmota, ChirpStack, The Things Stack, "
                + "ultrasonic bins, any JSON) and republishes each message on HallWatch's contract.",
                "Runs until stopped; see docs/firmware-bridge.md for the YAML file."})
public final class BridgeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The bridge's YAML file.")
    Path config;

    @Option(names = "--check", description = "Check the configuration and the profiles, print the subscriptions and exit.")
    boolean check;

    @Option(names = "--dry-run", description = "Read the vendor broker but print contract messages instead of publishing them.")
    boolean dryRun;

    @Option(names = "--stats-seconds", defaultValue = "60", paramLabel = "N",
            description = "Report the counts every N seconds (default: ${DEFAULT-VALUE}).")
    int statsSeconds;

    @Override
    public Integer call() throws Exception {
        BridgeConfig settings = BridgeConfig.read(config);
        Router router = new Router(settings.profiles(), settings.devices());
        PrintWriter out = spec.commandLine().getOut();
        if (check) {
            if (settings.identity() == BridgeConfig.Identity.DEVICE) {
                publisherLogins(settings);
            }
            out.println("configuration OK: " + settings.devices().size() + " devices; subscriptions " + router.filters());
            out.flush();
            return 0;
        }
        awaitStop(open(settings, router, dryRun ? out : null));
        return 0;
    }

    /** A started bridge: publishing to the target broker, or printing to {@code dryRun} when given. */
    static BridgeRunner open(BridgeConfig settings, Router router, PrintWriter dryRun) throws Exception {
        BridgeStats stats = new BridgeStats();
        Publisher publisher;
        if (dryRun != null) {
            publisher = new PrintPublisher(dryRun, stats);
        } else if (settings.identity() == BridgeConfig.Identity.SHARED) {
            publisher = BrokerPublisher.shared(settings.target(), settings.qos(), stats);
        } else {
            publisher = BrokerPublisher.perDevice(settings.target(), publisherLogins(settings), halls(settings),
                    settings.qos(), stats);
        }
        BridgeRunner runner = new BridgeRunner(settings, router, publisher, stats);
        try {
            // A dry run must not take over the running bridge's session, nor acknowledge its messages.
            runner.start(dryRun != null ? Broker.clientId("hallwatch-bridge-dry-run") : settings.sourceClientId(), dryRun != null);
        } catch (MqttException e) {
            runner.close();
            throw new IllegalStateException("cannot connect to the vendor broker " + settings.source() + ": " + e.getMessage(), e);
        }
        return runner;
    }

    /** The devices' credentials, with every configured device in them. */
    private static Credentials publisherLogins(BridgeConfig settings) throws IOException {
        Credentials credentials = Credentials.read(settings.credentials());
        List<String> missing = BrokerPublisher.missing(settings.target(), credentials, halls(settings).keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("target.credentials (" + settings.credentials() + ") has no password for "
                    + String.join(", ", missing) + ": provision them (firmware-bridge provision) or use the shared identity");
        }
        return credentials;
    }

    private static Map<String, String> halls(BridgeConfig settings) {
        Map<String, String> halls = new LinkedHashMap<>();
        settings.devices().forEach(d -> halls.put(d.device(), d.hall()));
        return halls;
    }

    private void awaitStop(BridgeRunner runner) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        // The hook does the closing: once it returns, the JVM halts without waiting for this thread.
        Thread hook = new Thread(() -> {
            runner.close();
            runner.report();
            stopped.countDown();
        }, "bridge-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        ScheduledExecutorService reports = Executors.newSingleThreadScheduledExecutor();
        reports.scheduleAtFixedRate(runner::report, statsSeconds, statsSeconds, TimeUnit.SECONDS);
        try {
            stopped.await();
        } finally {
            reports.shutdownNow();
        }
    }
}
