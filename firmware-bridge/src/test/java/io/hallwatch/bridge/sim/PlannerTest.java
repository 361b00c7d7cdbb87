package io.hallwatch.bridge.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bridge.contract.Kind;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The simulated day as the service will see it: deterministic per seed, and for every seed the
 * routine stays within the hall's rules (leaves covered or announced and shorter than the grace, bins
 * emptied before 2/3 but the one meant to overflow, heartbeats in time) while the scripted incidents
 * break them exactly as the scenario says.
 */
class PlannerTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 12, 7);
    static final Duration GRACE = Duration.ofMinutes(15);

    static Layout smallHall() {
        List<Layout.Window> windows = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            windows.add(new Layout.Window("W0" + n, "CA" + n, "CB" + n, "p" + n, "s" + n));
        }
        return new Layout("h", ZONE, false, windows, List.of("b1", "b2"), List.of("r1"));
    }

    static List<Step> plan(long seed) throws Exception {
        return new Planner(Scenario.load("small-hall"), smallHall(), DAY, false, seed).plan();
    }

    static Instant at(String time) {
        return DAY.atTime(LocalTime.parse(time)).atZone(ZONE).toInstant();
    }

    @Test
    void theSameSeedPlaysTheSameDayAndAnotherSeedAnotherDay() throws Exception {
        assertEquals(plan(7).toString(), plan(7).toString());
        assertNotEquals(plan(7).toString(), plan(8).toString());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 42, 1234, 99_999})
    void onlyTheScriptedWindowsAreLeftUnattendedPastTheGrace(long seed) throws Exception {
        List<Step> steps = plan(seed);
        assertEquals(List.of(), longestUnannounced(steps, "p1", at("09:00"), at("15:00")));
        assertEquals(List.of(Duration.ofMinutes(25)), longestUnannounced(steps, "p2", at("09:00"), at("17:00")));
        assertEquals(List.of(Duration.ofMinutes(18)), longestUnannounced(steps, "p3", at("09:00"), at("17:00")));
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 7, 42, 1234, 99_999})
    void onlyTheFormDeskBinPassesTwoThirds(long seed) throws Exception {
        List<Step> steps = plan(seed);
        assertTrue(maxFill(steps, "b1") < 66.7, "bin 1 is emptied in time");
        assertTrue(maxFill(steps, "b2") >= 66.7, "bin 2 overflows before the crew come");
        double lastFill = steps.stream().filter(s -> s.device().equals("b2")).reduce((a, b) -> b).orElseThrow()
                .fields().get("fill").asDouble();
        assertTrue(lastFill < 10, "bin 2 is emptied before the day ends, got " + lastFill);
    }

    @Test
    void signsBeatEveryMinuteAndTheBrokenSignIsBlankForTwentyMinutes() throws Exception {
        List<Step> signs = plan(7).stream().filter(s -> s.device().equals("s1")).toList();
        for (int i = 1; i < signs.size(); i++) {
            assertFalse(Duration.between(signs.get(i - 1).at(), signs.get(i).at()).compareTo(Duration.ofSeconds(60)) > 0);
        }
        List<Instant> blank = signs.stream().filter(s -> s.fields().get("state").asText().equals("blank")).map(Step::at).toList();
        assertEquals(at("09:25"), blank.get(0));
        assertEquals(at("09:44"), blank.get(blank.size() - 1));
    }

    @Test
    void theDeadSensorFallsSilentAndEveryoneBadgesInBeforeOpeningAndOutAfterClosing() throws Exception {
        List<Step> steps = plan(7);
        assertTrue(steps.stream().noneMatch(s -> s.device().equals("p1") && !s.at().isBefore(at("15:00"))));
        List<Step> taps = steps.stream().filter(s -> s.kind() == Kind.BADGE).toList();
        assertEquals(12, taps.size());
        taps.stream().filter(s -> s.fields().get("action").asText().equals("in"))
                .forEach(s -> assertTrue(s.at().isBefore(at("09:00"))));
        taps.stream().filter(s -> s.fields().get("action").asText().equals("out"))
                .forEach(s -> assertTrue(s.at().isAfter(at("17:00"))));
    }

    @Test
    void anAlwaysOpenHallIsPlayedFromOpeningToClosingWithStaffAtTheirDesks() throws Exception {
        Layout always = new Layout("h", ZONE, true, smallHall().windows(), List.of("b1", "b2"), List.of("r1"));
        List<Step> steps = new Planner(Scenario.load("small-hall"), always, DAY, true, 7).plan();
        assertEquals(at("09:00"), steps.get(0).at());
        assertTrue(steps.get(steps.size() - 1).at().isBefore(at("17:00")));
        assertTrue(steps.stream().filter(s -> s.device().equals("p3") && s.at().equals(at("09:00")))
                .allMatch(s -> s.fields().get("occupied").asBoolean()));
    }

    @Test
    void aScenarioWithImpossibleTimesOrIncidentsIsRefusedWithTheReason() {
        String yaml = "name: x\nsetup: {name: x, timezone: Asia/Shanghai, windows: 2, bins: [], badgeReaders: []}\n"
                + "day: {start: '10:00', opens: '09:00', closes: '17:00', end: '17:30', arrive: ['08:00', '08:30'],"
                + " leave: ['17:00', '17:10'], signHeartbeatSeconds: 60, sensorHeartbeatMinutes: 5,"
                + " shortLeaves: [1, 2], shortLeaveMinutes: [3, 5]}\n"
                + "incidents: [{at: '10:00', offPost: {window: 3, minutes: 20}}]\n";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Scenario.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), "x.yaml"));
        assertTrue(e.getMessage().contains("start <= opens"), e.getMessage());
        assertTrue(e.getMessage().contains("no window 3"), e.getMessage());
    }

    @Test
    void theCityCentreScenarioPlaysTwoHundredWindows() throws Exception {
        List<Layout.Window> windows = IntStream.rangeClosed(1, 200)
                .mapToObj(n -> new Layout.Window(String.format("W%03d", n), "A" + n, "B" + n, "p" + n, "s" + n)).toList();
        List<String> bins = IntStream.rangeClosed(1, 12).mapToObj(n -> "b" + n).toList();
        Layout city = new Layout("c", ZONE, false, windows, bins, List.of("r1", "r2", "r3", "r4"));
        List<Step> steps = new Planner(Scenario.load("city-centre"), city, DAY, false, 7).plan();
        assertEquals(Duration.ofMinutes(22), longestUnannounced(steps, "p17", at("09:00"), at("17:00")).get(0));
        assertTrue(maxFill(steps, "b3") >= 66.7 && maxFill(steps, "b7") >= 66.7 && maxFill(steps, "b1") < 66.7);
        assertEquals(800, steps.stream().filter(s -> s.kind() == Kind.BADGE).count());
    }

    /** Vacancies of a desk longer than the grace while its sign does not say paused. */
    static List<Duration> longestUnannounced(List<Step> steps, String presence, Instant from, Instant to) {
        String sign = "s" + presence.substring(1);
        List<Duration> found = new ArrayList<>();
        Instant vacantSince = null;
        boolean paused = false;
        for (Step step : steps) {
            if (step.device().equals(sign)) {
                paused = step.fields().get("showing").asText().equals("paused");
            }
            if (!step.device().equals(presence) || step.at().isBefore(from) || step.at().isAfter(to)) {
                continue;
            }
            boolean occupied = step.fields().get("occupied").asBoolean();
            if (!occupied && !paused && vacantSince == null) {
                vacantSince = step.at();
            } else if ((occupied || paused) && vacantSince != null) {
                Duration vacant = Duration.between(vacantSince, step.at());
                if (vacant.compareTo(GRACE) >= 0) {
                    found.add(vacant);
                }
                vacantSince = null;
            }
        }
        return found;
    }

    static double maxFill(List<Step> steps, String bin) {
        return steps.stream().filter(s -> s.device().equals(bin)).mapToDouble(s -> s.fields().get("fill").asDouble())
                .max().orElseThrow();
    }
}
