package io.hallwatch.bridge.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A simulated day of a hall, read from YAML (see {@code docs/firmware-bridge.md}): how to set the
 * hall up when it does not exist, the day's routine (arrivals, short leaves covered by the B role or
 * announced by a pause sign, heartbeats, bins filling and being emptied), scripted incidents, and
 * the work orders the day should produce. Windows, signs, presence sensors and bins are named by
 * their position (1 = the first by id), so one scenario plays on any hall of that shape.
 */
public record Scenario(String name, String description, Setup setup, Day day, List<Bin> bins,
        List<Incident> incidents, List<Expected> expect) {

    /** How to create the hall; {@code openingHours} goes to the service as it is written. */
    public record Setup(String name, String timezone, String language, JsonNode openingHours, int windows,
            List<String> bins, List<String> badgeReaders) {
    }

    /** The routine; times are the hall's local times, ranges are [least, most]. */
    public record Day(LocalTime start, LocalTime opens, LocalTime closes, LocalTime end, List<LocalTime> arrive,
            List<LocalTime> leave, int signHeartbeatSeconds, int sensorHeartbeatMinutes, List<Integer> shortLeaves,
            List<Integer> shortLeaveMinutes, LocalTime lunch) {
    }

    /** A bin: its fill at the start, how fast it fills while the hall is open, and when the crew empty it. */
    public record Bin(List<Double> start, List<Double> perHour, List<LocalTime> emptiedAt) {
    }

    /** Something going wrong at a time: exactly one of the kinds is set. */
    public record Incident(LocalTime at, OffPost offPost, SignFault signFault, SensorDies sensorDies) {
    }

    /** Window {@code window}'s A leaves for {@code minutes}, neither covered nor announced. */
    public record OffPost(int window, int minutes) {
    }

    /** Sign {@code sign} reports {@code state} (fault or blank) for {@code minutes}. */
    public record SignFault(int sign, String state, int minutes) {
    }

    /** A sensor falls silent for good: the presence sensor of window {@code presence}, or bin {@code bin}. */
    public record SensorDies(Integer presence, Integer bin) {
    }

    /** A work order the day should open, for window, sign, presence sensor or bin number n. */
    public record Expected(String type, Integer window, Integer sign, Integer presence, Integer bin) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A shipped scenario by name ({@code small-hall}, {@code city-centre}) or a YAML file. */
    public static Scenario load(String nameOrFile) throws IOException {
        Path file = Path.of(nameOrFile);
        if (Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                return parse(in, nameOrFile);
            }
        }
        try (InputStream in = Scenario.class.getResourceAsStream("/scenarios/" + nameOrFile + ".yaml")) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario '" + nameOrFile
                        + "': name a shipped one (small-hall, city-centre) or a YAML file");
            }
            return parse(in, nameOrFile);
        }
    }

    static Scenario parse(InputStream in, String source) throws IOException {
        Scenario scenario;
        try {
            scenario = YAML.readValue(in, Scenario.class);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("scenario " + source + ": " + e.getOriginalMessage(), e);
        }
        List<String> problems = scenario.problems();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("scenario " + source + ": " + String.join("; ", problems));
        }
        return scenario;
    }

    /** What is wrong with this scenario; empty when it can be played. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (setup == null || day == null) {
            problems.add("setup and day are required");
            return problems;
        }
        if (!(day.start.isBefore(day.opens) || day.start.equals(day.opens)) || !day.opens.isBefore(day.closes)
                || day.closes.isAfter(day.end)) {
            problems.add("day: start <= opens < closes <= end");
        }
        range(problems, "day.shortLeaves", day.shortLeaves);
        range(problems, "day.shortLeaveMinutes", day.shortLeaveMinutes);
        if (day.arrive == null || day.arrive.size() != 2 || day.leave == null || day.leave.size() != 2) {
            problems.add("day.arrive and day.leave are [earliest, latest] times");
        }
        for (int i = 0; i < bins().size(); i++) {
            range(problems, "bins[" + i + "].start", bins.get(i).start);
            range(problems, "bins[" + i + "].perHour", bins.get(i).perHour);
        }
        if (bins().size() > setup.bins.size()) {
            problems.add("setup.bins names fewer bins than bins describes");
        }
        incidents().forEach(incident -> incidentProblems(problems, incident));
        return problems;
    }

    private void incidentProblems(List<String> problems, Incident incident) {
        int kinds = (incident.offPost == null ? 0 : 1) + (incident.signFault == null ? 0 : 1)
                + (incident.sensorDies == null ? 0 : 1);
        if (incident.at == null || kinds != 1) {
            problems.add("each incident has an 'at' time and exactly one of offPost, signFault, sensorDies");
        } else if (incident.offPost != null && outside(incident.offPost.window, setup.windows)) {
            problems.add("incident at " + incident.at + ": no window " + incident.offPost.window);
        } else if (incident.signFault != null && outside(incident.signFault.sign, setup.windows)) {
            problems.add("incident at " + incident.at + ": no sign " + incident.signFault.sign);
        }
    }

    private static boolean outside(int position, int count) {
        return position < 1 || position > count;
    }

    private static <T extends Number> void range(List<String> problems, String name, List<T> range) {
        if (range == null || range.size() != 2 || range.get(0).doubleValue() > range.get(1).doubleValue()) {
            problems.add(name + " must be [least, most]");
        }
    }

    public List<Bin> bins() {
        return bins == null ? List.of() : bins;
    }

    public List<Incident> incidents() {
        return incidents == null ? List.of() : incidents;
    }

    public List<Expected> expect() {
        return expect == null ? List.of() : expect;
    }
}
