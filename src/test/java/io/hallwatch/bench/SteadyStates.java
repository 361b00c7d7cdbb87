package io.hallwatch.bench;

import static io.hallwatch.bench.BenchHall.START;

import io.hallwatch.bins.BinRule;
import io.hallwatch.bins.BinState;
import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthRule;
import io.hallwatch.devices.DeviceHealthState;
import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import io.hallwatch.presence.WindowRule;
import io.hallwatch.presence.WindowState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.signage.SignDeviceState;
import io.hallwatch.signage.SignRule;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;

/**
 * Rule states as a message usually finds them at {@link BenchHall#START}, made by running each rule
 * over the readings that came before (so they hold what a live state holds), and the rules built as
 * the runners build them for each message. Nothing is open: the benchmarks measure the everyday path.
 */
final class SteadyStates {

    /** Bin readings the rule keeps for its fill rate (BinRule.MAX_SAMPLES). */
    static final int BIN_SAMPLES = 48;
    /** Devices send {@code ts} in milliseconds: the states hold times with a fraction, as live ones do. */
    private static final Instant FIRST = START.minus(Duration.ofMinutes(5)).plusMillis(123);

    private SteadyStates() {
    }

    static DeviceHealthRule healthRule(HallContext hall, Device device) {
        return new DeviceHealthRule(hall, device, () -> BenchHall.FACTS.windowName());
    }

    static BinRule binRule(HallContext hall) {
        return new BinRule(hall, BenchHall.BIN, "东侧等候区");
    }

    static SignRule signRule(HallContext hall) {
        return new SignRule(hall, BenchHall.SIGN, BenchHall.WINDOW, () -> BenchHall.FACTS.windowName());
    }

    static WindowRule windowRule(HallContext hall) {
        return new WindowRule(hall, BenchHall.WINDOW, () -> BenchHall.FACTS);
    }

    /** A device heard every ten seconds for the last five minutes. */
    static DeviceHealthState health(HallContext hall, Device device, Double battery) {
        DeviceHealthState s = new DeviceHealthState();
        DeviceHealthRule rule = healthRule(hall, device);
        for (Instant t = FIRST; t.isBefore(START); t = t.plusSeconds(10)) {
            rule.reading(s, battery, t, t);
        }
        return s;
    }

    /** A bin read every five minutes for four hours, rising by half a point a reading to {@code last}. */
    static BinState bin(HallContext hall, double last) {
        BinState s = new BinState();
        BinRule rule = binRule(hall);
        for (int i = 0; i < BIN_SAMPLES; i++) {
            int before = BIN_SAMPLES - i;
            rule.reading(s, last - (before - 1) * 0.5, FIRST.minus(Duration.ofMinutes(5L * (before - 1))));
        }
        return s;
    }

    /** A fresh copy, for a benchmark whose message changes the state for good. */
    static BinState copy(BinState from) {
        BinState s = new BinState();
        s.fill = from.fill;
        s.fillAt = from.fillAt;
        s.peak = from.peak;
        s.fullSince = from.fullSince;
        s.fullOpen = from.fullOpen;
        s.critical = from.critical;
        s.lastEmptiedAt = from.lastEmptiedAt;
        s.notEmptiedOpen = from.notEmptiedOpen;
        s.checkedThrough = from.checkedThrough;
        s.samples = new ArrayList<>(from.samples);
        s.evaluatedAt = from.evaluatedAt;
        return s;
    }

    /** A healthy sign showing open, heard every thirty seconds for the last five minutes. */
    static SignDeviceState sign(HallContext hall) {
        SignDeviceState s = new SignDeviceState();
        SignRule rule = signRule(hall);
        for (Instant t = FIRST; t.isBefore(START); t = t.plusSeconds(30)) {
            rule.reading(s, SignState.OK, SignShowing.OPEN, null, t, t);
        }
        return s;
    }

    /** A window staffed behind a sign showing open, its presence sensor read every ten seconds. */
    static WindowState staffedWindow(HallContext hall) {
        return window(hall, null);
    }

    /** The same window, left two minutes ago: vacant, OFF_POST due once the grace of open time has passed. */
    static WindowState vacantWindow(HallContext hall) {
        return window(hall, START.minus(Duration.ofMinutes(2)));
    }

    private static WindowState window(HallContext hall, Instant vacantFrom) {
        WindowState s = new WindowState();
        WindowRule rule = windowRule(hall);
        rule.sign(s, SignShowing.OPEN, FIRST);
        for (Instant t = FIRST; t.isBefore(START); t = t.plusSeconds(10)) {
            rule.presence(s, vacantFrom == null || t.isBefore(vacantFrom), t);
        }
        // As WindowRules.record leaves it for the boards.
        s.recordedState = s.state(true);
        s.recordedSince = s.vacantSince == null ? FIRST : s.vacantSince;
        return s;
    }
}
