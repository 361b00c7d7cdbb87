package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hallwatch.bridge.contract.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Turns a scenario into the messages of one day of one hall, in time order. Pure and deterministic:
 * the same scenario, layout, day and seed give the same messages. In an always-open hall (and in
 * real-time play, where the hall is made always open) the day runs from opening to closing with the
 * staff already at their desks, since outside hours an always-open hall would see them off post.
 */
public final class Planner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final Layout layout;
    private final LocalDate day;
    private final boolean alwaysOpen;
    private final Random random;
    private final List<Step> steps = new ArrayList<>();
    private final Map<String, Instant> deaths = new HashMap<>();

    public Planner(Scenario scenario, Layout layout, LocalDate day, boolean alwaysOpen, long seed) {
        this.scenario = scenario;
        this.layout = layout;
        this.day = day;
        this.alwaysOpen = alwaysOpen;
        this.random = new Random(seed);
    }

    /** The day's messages, sorted by time (messages of one instant keep the order they were made in). */
    public List<Step> plan() {
        steps.clear();
        scenario.incidents().stream().filter(i -> i.sensorDies() != null).forEach(this::death);
        List<WindowDay> windows = new ArrayList<>();
        for (int n = 1; n <= layout.windows().size(); n++) {
            windows.add(window(n));
        }
        for (int n = 1; n <= layout.windows().size(); n++) {
            emit(layout.windows().get(n - 1), windows.get(n - 1));
        }
        badges();
        new BinPlan(scenario, layout, this::time, start(), end(), random).emit(steps, deaths);
        List<Step> sorted = new ArrayList<>(steps);
        sorted.sort(Comparator.comparing(Step::at));
        return sorted;
    }

    Instant time(LocalTime local) {
        return day.atTime(local).atZone(layout.zone()).toInstant();
    }

    Instant start() {
        return time(alwaysOpen ? scenario.day().opens() : scenario.day().start());
    }

    Instant end() {
        return time(alwaysOpen ? scenario.day().closes() : scenario.day().end());
    }

    private WindowDay window(int n) {
        Scenario.Day d = scenario.day();
        WindowDay window = new WindowDay(start());
        Instant sit = alwaysOpen ? start() : time(d.opens()).minus(Duration.ofMinutes(3));
        Instant leave = alwaysOpen ? end().plusSeconds(1) : time(d.closes()).plus(Duration.ofMinutes(2));
        window.open(sit, time(d.opens()), alwaysOpen ? end().plusSeconds(1) : time(d.closes()), leave);
        for (Scenario.Incident incident : scenario.incidents()) {
            if (incident.offPost() != null && incident.offPost().window() == n) {
                window.offPost(time(incident.at()), incident.offPost().minutes());
            }
            if (incident.signFault() != null && incident.signFault().sign() == n) {
                window.signFault(time(incident.at()), incident.signFault().state(), incident.signFault().minutes());
            }
        }
        if (d.lunch() != null) {
            window.handover(time(d.lunch()));
            window.handover(time(d.lunch()).plus(Duration.ofMinutes(45)));
        }
        int count = between(d.shortLeaves().get(0), d.shortLeaves().get(1));
        window.shortLeaves(random, count, d.shortLeaveMinutes().get(0), d.shortLeaveMinutes().get(1),
                time(d.opens()).plus(Duration.ofMinutes(15)), time(d.closes()).minus(Duration.ofMinutes(30)));
        return window;
    }

    private void death(Scenario.Incident incident) {
        Scenario.SensorDies dies = incident.sensorDies();
        String device = dies.presence() != null ? layout.windows().get(dies.presence() - 1).presence()
                : layout.bins().get(dies.bin() - 1);
        if (device != null) {
            deaths.put(device, time(incident.at()));
        }
    }

    private void emit(Layout.Window window, WindowDay plan) {
        if (window.presence() != null) {
            Duration beat = Duration.ofMinutes(scenario.day().sensorHeartbeatMinutes());
            int battery = between(70, 100);
            for (Instant at : moments(plan.occupied.keySet(), beat, window.presence())) {
                ObjectNode fields = JSON.createObjectNode().put("occupied", WindowDay.at(plan.occupied, at)).put("battery", battery);
                steps.add(Step.reading(at, window.presence(), Kind.PRESENCE, fields));
            }
        }
        if (window.sign() != null) {
            List<Instant> changes = new ArrayList<>(plan.showing.keySet());
            changes.addAll(plan.signState.keySet());
            for (Instant at : moments(changes, Duration.ofSeconds(scenario.day().signHeartbeatSeconds()), window.sign())) {
                steps.add(Step.reading(at, window.sign(), Kind.SIGNAGE, JSON.createObjectNode()
                        .put("state", WindowDay.at(plan.signState, at)).put("showing", WindowDay.at(plan.showing, at))));
            }
        }
    }

    /** The change points within the day plus a heartbeat every {@code beat}, until the device dies. */
    private List<Instant> moments(Collection<Instant> changes, Duration beat, String device) {
        TreeSet<Instant> all = new TreeSet<>();
        for (Instant at = start(); at.isBefore(end()); at = at.plus(beat)) {
            all.add(at);
        }
        changes.stream().filter(at -> !at.isBefore(start()) && at.isBefore(end())).forEach(all::add);
        Instant death = deaths.get(device);
        return all.stream().filter(at -> death == null || at.isBefore(death)).toList();
    }

    private void badges() {
        if (layout.badgeReaders().isEmpty()) {
            return;
        }
        String reader = layout.badgeReaders().get(0);
        Scenario.Day d = scenario.day();
        for (Layout.Window window : layout.windows()) {
            for (String card : Arrays.asList(window.cardA(), window.cardB())) {
                if (card == null) {
                    continue;
                }
                Instant in = alwaysOpen ? start() : between(time(d.arrive().get(0)), time(d.arrive().get(1)));
                Instant out = between(time(d.leave().get(0)), time(d.leave().get(1)));
                steps.add(Step.reading(in, reader, Kind.BADGE, JSON.createObjectNode().put("card", card).put("action", "in")));
                if (!alwaysOpen) {
                    steps.add(Step.reading(out, reader, Kind.BADGE, JSON.createObjectNode().put("card", card).put("action", "out")));
                }
            }
        }
    }

    private int between(int least, int most) {
        return least + random.nextInt(most - least + 1);
    }

    private Instant between(Instant from, Instant to) {
        long seconds = Duration.between(from, to).toSeconds();
        return from.plusSeconds(seconds <= 0 ? 0 : (long) (random.nextDouble() * seconds));
    }
}
