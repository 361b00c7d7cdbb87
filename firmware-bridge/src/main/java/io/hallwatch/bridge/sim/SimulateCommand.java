package io.hallwatch.bridge.sim;

import io.hallwatch.bridge.Log;
import io.hallwatch.bridge.api.ApiLogin;
import io.hallwatch.bridge.api.ServiceApi;
import io.hallwatch.bridge.mqtt.Broker;
import io.hallwatch.bridge.mqtt.Credentials;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code simulate}: plays a day of a hall from a scenario against a broker, as the hall's devices.
 * The hall is read from (or, when missing, created through) the service's REST API.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Plays a realistic day of a hall against a broker: staff badging in, windows staffed with short "
                + "leaves covered by the B role or announced, a few off-post incidents, a failing sign, bins filling and "
                + "being emptied, a dying sensor.", "Deterministic with --seed. Ships the scenarios small-hall and city-centre."})
public final class SimulateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hall", defaultValue = "demo", description = "The hall to play; created from the scenario when missing (default: ${DEFAULT-VALUE}).")
    String hall;

    @Option(names = "--scenario", defaultValue = "small-hall", description = "small-hall, city-centre or a YAML file (default: ${DEFAULT-VALUE}).")
    String scenarioName;

    @Option(names = "--speed", defaultValue = "60", description = "How many times faster than real time (default: ${DEFAULT-VALUE}).")
    double speed;

    @Option(names = "--seed", defaultValue = "1", description = "The random seed: the same seed plays the same day (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day", description = "The date to play, in the hall's zone (default: today).")
    LocalDate day;

    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", description = "HallWatch's MQTT broker (default: ${DEFAULT-VALUE}).")
    String broker;

    /** The API login; without a password, the quick start's generated one in data/admin-password. */
    @Mixin
    ApiLogin login = new ApiLogin();

    @Option(names = "--credentials", description = "The devices' MQTT credentials (default: data/demo-devices.csv for the demo hall, "
            + "else sim-<hall>-devices.csv, written when the hall is created).")
    Path credentials;

    @Option(names = "--clock", defaultValue = "real", description = "real, or external: step through the day when told "
            + "on standard input (for tests and replays; see docs/firmware-bridge.md) (default: ${DEFAULT-VALUE}).")
    String clock;

    @Option(names = "--verify", description = "After the day, compare the hall's new work orders with those the scenario expects; exit 1 if they differ.")
    boolean verify;

    @Option(names = "--qos", defaultValue = "1", description = "MQTT QoS (default: ${DEFAULT-VALUE}).")
    int qos;

    @Override
    public Integer call() throws Exception {
        boolean external = external();
        if (speed <= 0) {
            throw new IllegalArgumentException("--speed must be greater than 0");
        }
        Scenario scenario = Scenario.load(scenarioName);
        login.fallback = Path.of("data", "admin-password");
        ServiceApi service = login.service();
        Path credentialsFile = credentialsFile();
        new HallSetup(service).ensure(hall, scenario.setup(), credentialsFile);
        Layout layout = Layout.read(service, hall);
        layout.check(scenario);
        if (layout.devices().isEmpty()) {
            throw new IllegalArgumentException("hall " + hall + " has no devices to play");
        }
        LocalDate date = day != null ? day : LocalDate.now(layout.zone());
        List<Step> steps = new Planner(scenario, layout, date, layout.alwaysOpen() || !external, seed).plan();
        return play(scenario, service, layout, steps, Credentials.read(credentialsFile), external);
    }

    private int play(Scenario scenario, ServiceApi service, Layout layout, List<Step> steps, Credentials logins,
            boolean external) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        HallTiming timing = new HallTiming(service, hall);
        Thread restore = new Thread(timing::restore, "simulate-restore");
        Instant since = external ? steps.get(0).at() : Instant.now();
        try (Player player = Player.connect(new Broker(broker, null, null), logins, layout, qos)) {
            if (!external) {
                timing.adjust(speed);
                Runtime.getRuntime().addShutdownHook(restore);
            }
            Pacer pacer = external ? Pacer.external(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), out)
                    : Pacer.realTime(steps.get(0).at(), speed);
            playAll(steps, player, pacer, layout);
            Log.info("played %s's day on %s: %d messages published, %d failed", hall, layout.zone(), player.published(), player.failed());
            if (!verify) {
                return player.failed() == 0 ? 0 : 1;
            }
            boolean matched = Verifier.report(Verifier.expected(scenario, layout), Verifier.actual(service, hall, since), out);
            return matched && player.failed() == 0 ? 0 : 1;
        } finally {
            if (!external) {
                timing.restore();
                Runtime.getRuntime().removeShutdownHook(restore);
            }
        }
    }

    private void playAll(List<Step> steps, Player player, Pacer pacer, Layout layout) throws IOException {
        Instant lastReport = steps.get(0).at();
        int i = 0;
        while (i < steps.size()) {
            Instant at = steps.get(i).at();
            List<Step> group = new ArrayList<>();
            while (i < steps.size() && steps.get(i).at().equals(at)) {
                group.add(steps.get(i++));
            }
            pacer.before(at, group.size());
            pacer.after(at, player.play(group, pacer));
            if (Duration.between(lastReport, at).toMinutes() >= 30) {
                Log.info("simulated %s: %d of %d messages", at.atZone(layout.zone()).toLocalTime(), i, steps.size());
                lastReport = at;
            }
        }
        Instant end = steps.get(steps.size() - 1).at().plusSeconds(60);
        pacer.before(end, 0);
        pacer.after(end, 0);
    }

    private boolean external() {
        if (!clock.equals("real") && !clock.equals("external")) {
            throw new IllegalArgumentException("--clock must be real or external, got '" + clock + "'");
        }
        return clock.equals("external");
    }

    private Path credentialsFile() {
        if (credentials != null) {
            return credentials;
        }
        Path demo = Path.of("data", "demo-devices.csv");
        return hall.equals("demo") && Files.isReadable(demo) ? demo : Path.of("sim-" + hall + "-devices.csv");
    }
}
