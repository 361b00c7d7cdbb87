package io.hallwatch.bridge.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.hallwatch.bridge.Main;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.provision.DeviceCsv;
import io.hallwatch.bridge.provision.DeviceRow;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code load} command: publishes valid contract readings from many devices at a target total
 * rate over several MQTT connections, for sizing brokers and the service, and reports the rate the
 * broker acknowledged and the publish-to-acknowledgement latency. It never blocks on a broker that does
 * not keep up: it reports what it achieved. Ctrl-C ends it early with a report. Exit codes: 0 it ran
 * (even below the target; the report says so), 1 it could not connect or nothing was published, 2 bad
 * options.
 */
@Command(name = "load", mixinStandardHelpOptions = true, showDefaultValues = true, sortOptions = false,
        description = {"Publishes valid HallWatch readings from many devices at a target rate and reports the rate"
                + " and latency the broker achieved.",
                "Durations are written like 500ms, 60s, 2m. Progress goes to stderr once a second."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:it ran (the report says whether the target was reached)",
                "1:cannot connect, or nothing could be published", "2:bad options"})
public final class LoadCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", paramLabel = "URL",
            description = "The MQTT broker (tcp:// or ssl://).")
    String broker;
    @Option(names = "--username",
            description = "MQTT user name of every connection; it must be allowed to publish every device's topic.")
    String username;
    @Option(names = "--password", description = "MQTT password (visible to other local users: prefer --password-file).")
    String password;
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the MQTT password.")
    Path passwordFile;
    @Option(names = "--devices", defaultValue = "1000",
            description = "How many devices publish (with --devices-csv: at most this many of the file's).")
    int devices;
    @Option(names = "--rate", defaultValue = "1000", description = "Target total rate, messages per second.")
    double rate;
    @Option(names = "--duration", defaultValue = "60s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to measure, after the warm-up.")
    Duration duration;
    @Option(names = "--warmup", defaultValue = "0s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to publish before measuring.")
    Duration warmup;
    @Option(names = "--qos", defaultValue = "1", description = "QoS of the messages: 0, 1 or 2.")
    int qos;
    @Option(names = "--connections", defaultValue = "4",
            description = "MQTT connections sharing the devices, each on its own thread.")
    int connections;
    @Option(names = "--halls", defaultValue = "10", description = "Halls the made-up devices are spread over.")
    int halls;
    @Option(names = "--prefix", defaultValue = "load",
            description = "Start of made-up ids: {prefix}-h{n} halls, {prefix}-d{n} devices.")
    String prefix;
    @Option(names = "--devices-csv", paramLabel = "FILE",
            description = "Publish as these devices (CSV with id, hall, kind, e.g. provision's credentials file).")
    Path devicesCsv;
    @Option(names = "--json", paramLabel = "FILE",
            description = "Also write the report as JSON to FILE, or to stdout with '-' (the text then goes to stderr).")
    String json;
    @Option(names = "--max-inflight", defaultValue = "10000",
            description = "Unacknowledged messages allowed per connection (at most 65535).")
    int maxInflight;
    @Option(names = "--ack-timeout", defaultValue = "5s", converter = DurationConverter.class, paramLabel = "DURATION",
            description = "How long to wait at the end for outstanding acknowledgements.")
    Duration ackTimeout;

    @Override
    public Integer call() {
        LoadSettings settings = settings();
        List<SimDevice> fleet = fleet();
        if (connections > fleet.size()) {
            throw usage("--connections (" + connections + ") must not exceed the devices (" + fleet.size() + ")");
        }
        PrintWriter err = spec.commandLine().getErr();
        LoadRun run = new LoadRun(settings, Fleet.split(fleet, connections), err);
        CountDownLatch reported = new CountDownLatch(1);
        Thread onCtrlC = new Thread(() -> stopAndAwait(run, reported), "load-ctrl-c");
        Runtime.getRuntime().addShutdownHook(onCtrlC);
        try {
            return report(run.run(fleet.size()));
        } catch (MqttException e) {
            err.println("error: cannot connect to " + settings.broker() + ": " + describe(e));
            return Main.FAILED;
        } finally {
            reported.countDown();
            removeHook(onCtrlC);
        }
    }

    private void stopAndAwait(LoadRun run, CountDownLatch reported) {
        run.stop();
        try {
            reported.await(ackTimeout.toMillis() + 15_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int report(LoadReport report) {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        report.print("-".equals(json) ? err : out);
        writeJson(report, out, err);
        if (report.acked() == 0) {
            err.println("error: nothing was published: the broker acknowledged no message (see the errors above)");
            err.flush();
            return Main.FAILED;
        }
        return 0;
    }

    private void writeJson(LoadReport report, PrintWriter out, PrintWriter err) {
        try {
            if ("-".equals(json)) {
                out.println(JSON.writeValueAsString(report));
                out.flush();
            } else if (json != null) {
                JSON.writeValue(Path.of(json).toFile(), report);
            }
        } catch (IOException e) {
            err.println("error: cannot write --json " + json + ": " + e.getMessage());
        }
    }

    private LoadSettings settings() {
        try {
            Broker target = new Broker(broker, username, secret());
            return new LoadSettings(target, connections, rate, duration, warmup, qos, maxInflight, ackTimeout, prefix);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private String secret() {
        if (password != null && passwordFile != null) {
            throw usage("give --password or --password-file, not both");
        }
        String secret = password;
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile);
                secret = lines.isEmpty() ? "" : lines.get(0);
            } catch (IOException e) {
                throw usage("cannot read --password-file " + passwordFile + ": " + e.getMessage());
            }
        }
        if (secret != null && username == null) {
            throw usage("a password needs --username");
        }
        return secret;
    }

    private List<SimDevice> fleet() {
        if (devices < 1) {
            throw usage("--devices must be at least 1");
        }
        SplittableRandom random = new SplittableRandom();
        if (devicesCsv == null) {
            if (halls < 1 || halls > devices) {
                throw usage("--halls must be 1 to the number of devices (" + devices + ")");
            }
            try {
                return Fleet.generated(prefix, devices, halls, random);
            } catch (IllegalArgumentException e) {
                throw usage("--prefix '" + prefix + "' makes invalid ids: " + e.getMessage());
            }
        }
        boolean limited = spec.commandLine().getParseResult().hasMatchedOption("--devices");
        return Fleet.of(csvRows(), limited ? devices : Integer.MAX_VALUE, random);
    }

    private List<DeviceRow> csvRows() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--halls") || parsed.hasMatchedOption("--prefix")) {
            throw usage("--halls and --prefix make up devices; with --devices-csv the file names them");
        }
        DeviceCsv.Result read;
        try {
            read = DeviceCsv.read(devicesCsv);
        } catch (IOException e) {
            throw usage("cannot read --devices-csv " + devicesCsv + ": " + e.getMessage());
        }
        if (!read.ok() || read.rows().isEmpty()) {
            throw usage(devicesCsv + (read.ok() ? " has no devices" : ", " + read.problems().get(0)
                    + (read.problems().size() > 1 ? " (and " + (read.problems().size() - 1) + " more problems)" : "")));
        }
        return read.rows();
    }

    private static String describe(MqttException e) {
        Throwable cause = e.getCause();
        return e.getMessage() + (cause == null ? "" : " (" + cause.getMessage() + ")");
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting (Ctrl-C): the hook is running and waits for this report.
        }
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
