package io.hallwatch.bench;

import io.hallwatch.presence.WindowState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.rules.Outcome;
import java.time.Instant;
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

/**
 * {@code WindowRule.presence} for one presence reading of a window whose sign shows open:
 * {@code staffed} (occupied, as most readings are) and {@code vacant} (left two minutes ago, OFF_POST
 * pending, so each judgement also asks the calendar when the grace of open time ends).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class WindowRuleBench {

    private final HallContext hall = BenchHall.context();
    private WindowState staffed;
    private WindowState vacant;
    private Instant ts;

    @Setup(Level.Iteration)
    public void setUp() {
        staffed = SteadyStates.staffedWindow(hall);
        vacant = SteadyStates.vacantWindow(hall);
        ts = BenchHall.START;
    }

    @Benchmark
    public Outcome staffed() {
        ts = ts.plus(BenchHall.STEP);
        return SteadyStates.windowRule(hall).presence(staffed, true, ts);
    }

    @Benchmark
    public Outcome vacant() {
        ts = ts.plus(BenchHall.STEP);
        return SteadyStates.windowRule(hall).presence(vacant, false, ts);
    }
}
