package io.hallwatch.bench;

import io.hallwatch.devices.Device;
import io.hallwatch.devices.DeviceHealthState;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@code DeviceHealthRule.reading} for one reading of a device that is heard regularly, as
 * DeviceHealthRules.run does it for every reading of every kind, short of the database: the state
 * caught up with the device's last-seen, its {@code kept()} fields before, a new rule and the reading,
 * and the comparison by which {@code HallRules.saveLiveness} skips writing a routine message. Presence
 * sensors and bins are the kinds whose silence the rule times (in open time, through the calendar);
 * one reading in twenty of the load carries a battery.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DeviceHealthBench {

    private static final Double BATTERY = 88.0;

    private final HallContext hall = BenchHall.context();
    private final Device presence = BenchHall.device(BenchHall.PRESENCE, DeviceKind.PRESENCE);
    private final Device bin = BenchHall.device(BenchHall.BIN, DeviceKind.BIN);
    private DeviceHealthState presenceState;
    private DeviceHealthState binState;
    private Instant ts;

    @Setup(Level.Iteration)
    public void setUp() {
        presenceState = SteadyStates.health(hall, presence, null);
        binState = SteadyStates.health(hall, bin, BATTERY);
        ts = BenchHall.START;
    }

    @Benchmark
    public void presenceReading(Blackhole bh) {
        reading(presence, presenceState, null, bh);
    }

    @Benchmark
    public void binReadingWithBattery(Blackhole bh) {
        reading(bin, binState, BATTERY, bh);
    }

    private void reading(Device device, DeviceHealthState s, Double battery, Blackhole bh) {
        Instant seenBefore = ts;
        ts = ts.plus(BenchHall.STEP);
        s.heardBy(seenBefore);
        List<Object> kept = s.kept();
        Outcome outcome = SteadyStates.healthRule(hall, device).reading(s, battery, ts, ts);
        bh.consume(outcome);
        bh.consume(kept.equals(s.kept()));
    }
}
