package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.hallwatch.bridge.contract.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

/**
 * The bins of a simulated day: each fills at its own rate (drawn from the scenario's range), is
 * emptied by the crew at the scenario's times (down to a few percent) and reports its fill on every
 * sensor heartbeat and just after each emptying, until it dies.
 */
final class BinPlan {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Scenario scenario;
    private final Layout layout;
    private final Function<LocalTime, Instant> time;
    private final Instant start;
    private final Instant end;
    private final Random random;

    BinPlan(Scenario scenario, Layout layout, Function<LocalTime, Instant> time, Instant start, Instant end, Random random) {
        this.scenario = scenario;
        this.layout = layout;
        this.time = time;
        this.start = start;
        this.end = end;
        this.random = random;
    }

    void emit(List<Step> steps, Map<String, Instant> deaths) {
        int count = Math.min(layout.bins().size(), scenario.bins().size());
        for (int i = 0; i < count; i++) {
            emit(steps, layout.bins().get(i), scenario.bins().get(i), deaths.get(layout.bins().get(i)));
        }
    }

    private void emit(List<Step> steps, String device, Scenario.Bin bin, Instant death) {
        double fill = draw(bin.start());
        double perHour = draw(bin.perHour());
        int battery = 60 + random.nextInt(41);
        Duration beat = Duration.ofMinutes(scenario.day().sensorHeartbeatMinutes());
        List<Instant> emptied = bin.emptiedAt() == null ? List.of() : bin.emptiedAt().stream().map(time).toList();
        int next = 0;
        Instant last = start;
        for (Instant at = start; at.isBefore(end); at = at.plus(beat)) {
            fill = Math.min(100, fill + perHour * Duration.between(last, at).toSeconds() / 3600.0);
            last = at;
            while (next < emptied.size() && !emptied.get(next).isAfter(at)) {
                Instant when = emptied.get(next++);
                fill = Math.round(random.nextDouble() * 30) / 10.0;
                if (death == null || when.isBefore(death)) {
                    steps.add(reading(when.plus(Duration.ofMinutes(1)), device, fill, battery));
                }
            }
            if (death == null || at.isBefore(death)) {
                steps.add(reading(at, device, fill, battery));
            }
        }
    }

    private static Step reading(Instant at, String device, double fill, int battery) {
        double rounded = Math.round(fill * 10) / 10.0;
        return Step.reading(at, device, Kind.BIN, JSON.createObjectNode().put("fill", rounded).put("battery", battery));
    }

    private double draw(List<Double> range) {
        return range.get(0) + random.nextDouble() * (range.get(1) - range.get(0));
    }
}
