package io.hallwatch.bench;

import io.hallwatch.ingest.DeviceMessage.SignShowing;
import io.hallwatch.ingest.DeviceMessage.SignState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.signage.SignDeviceState;
import io.hallwatch.signage.SignRule;
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
 * {@code SignRule.reading} for the heartbeat of a healthy sign showing open, as SignRules.run does it
 * short of the database: the state caught up with the sign's last-seen, its {@code kept()} fields
 * before, the reading, the comparison by which {@code HallRules.saveLiveness} skips writing a routine
 * heartbeat, and {@code trustedShowing}, which it then tells the window's rule.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SignRuleBench {

    private final HallContext hall = BenchHall.context();
    private SignDeviceState sign;
    private Instant ts;

    @Setup(Level.Iteration)
    public void setUp() {
        sign = SteadyStates.sign(hall);
        ts = BenchHall.START;
    }

    @Benchmark
    public void heartbeat(Blackhole bh) {
        Instant seenBefore = ts;
        ts = ts.plus(BenchHall.STEP);
        sign.heardBy(seenBefore);
        List<Object> kept = sign.kept();
        SignRule rule = SteadyStates.signRule(hall);
        bh.consume(rule.reading(sign, SignState.OK, SignShowing.OPEN, null, ts, ts));
        bh.consume(kept.equals(sign.kept()));
        bh.consume(rule.trustedShowing(sign, sign.evaluatedAt));
    }
}
