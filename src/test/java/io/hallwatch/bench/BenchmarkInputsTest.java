package io.hallwatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.bins.BinState;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthState;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import io.hallwatch.ingest.DeviceTopic;
import io.hallwatch.ingest.PayloadParser;
import io.hallwatch.presence.WindowState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import io.hallwatch.signage.SignDeviceState;
import io.hallwatch.workorders.OrderCommand.Open;
import io.hallwatch.workorders.WorkOrderType;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmarks measure the paths their names say: the load's messages are all accepted, the
 * everyday readings open nothing (and the health and sign ones change nothing HallRules.saveLiveness
 * would store), the crossing opens BIN_FULL, the vacant window has OFF_POST pending.
 * A rule change that moved them onto another path would fail here rather than skew the figures.
 */
class BenchmarkInputsTest {

    final HallContext hall = BenchHall.context();
    final Instant ts = BenchHall.START.plus(BenchHall.STEP);

    @Test
    void theLoadsMessagesAreAcceptedInItsMixOfKinds() {
        PayloadParser parser = new PayloadParser(Duration.ofMinutes(5));
        Map<DeviceKind, Integer> kinds = new EnumMap<>(DeviceKind.class);
        for (LoadMessages.Message m : LoadMessages.mix(BenchHall.START.minusSeconds(10))) {
            DeviceMessage.Reading reading = (DeviceMessage.Reading) parser.parse(DeviceTopic.parse(m.topic()),
                    m.payload(), BenchHall.CLOCK.instant());
            assertEquals(m.kind(), reading.observation().kind());
            kinds.merge(m.kind(), 1, Integer::sum);
        }
        assertEquals(LoadMessages.COUNT, kinds.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(kinds.get(DeviceKind.PRESENCE) > kinds.get(DeviceKind.BIN), kinds.toString());
        assertTrue(kinds.get(DeviceKind.BADGE) > 0, kinds.toString());
        LoadMessages.of(DeviceKind.BIN, BenchHall.START.minusSeconds(10), true).forEach(m ->
                parser.parse(DeviceTopic.parse(m.topic()), m.payload(), BenchHall.CLOCK.instant()));
    }

    @Test
    void everydayReadingsOpenNothing() {
        assertNothing(SteadyStates.binRule(hall).reading(SteadyStates.bin(hall, 58.0), 59.0, ts));
        assertNothing(SteadyStates.windowRule(hall).presence(SteadyStates.staffedWindow(hall), true, ts));
    }

    @Test
    void routineHealthAndSignReadingsAreTheKindNotWritten() {
        Device presence = BenchHall.device(BenchHall.PRESENCE, DeviceKind.PRESENCE);
        DeviceHealthState health = SteadyStates.health(hall, presence, null);
        List<Object> healthKept = health.kept();
        assertNothing(SteadyStates.healthRule(hall, presence).reading(health, null, ts, ts));
        assertEquals(healthKept, health.kept());
        SignDeviceState sign = SteadyStates.sign(hall);
        List<Object> signKept = sign.kept();
        assertNothing(SteadyStates.signRule(hall).reading(sign, SignState.OK, SignShowing.OPEN, null, ts, ts));
        assertEquals(signKept, sign.kept());
    }

    @Test
    void theVacantWindowHasOffPostPending() {
        WindowState s = SteadyStates.vacantWindow(hall);
        Outcome outcome = SteadyStates.windowRule(hall).presence(s, false, ts);
        assertNothing(outcome);
        assertNotNull(s.vacantSince);
        assertTrue(outcome.dueAt().isAfter(ts.plusSeconds(60)), outcome.dueAt().toString());
    }

    @Test
    void theBinHoldsAllItsSamplesAndCrossingFullOpensBinFull() {
        BinState s = SteadyStates.bin(hall, 60.0);
        assertEquals(SteadyStates.BIN_SAMPLES, s.samples.size());
        Outcome outcome = SteadyStates.binRule(hall).reading(SteadyStates.copy(s), 70.0, ts);
        assertEquals(1, outcome.commands().size(), outcome.commands().toString());
        assertEquals(WorkOrderType.BIN_FULL, ((Open) outcome.commands().get(0)).type());
        assertEquals(60.0, s.fill, "the copy took the change, not the template");
    }

    private static void assertNothing(Outcome outcome) {
        assertTrue(outcome.commands().isEmpty(), outcome.commands().toString());
    }
}
