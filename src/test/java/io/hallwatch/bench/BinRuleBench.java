package io.hallwatch.bench;

import io.hallwatch.bins.BinState;
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
 * {@code BinRule.reading} for one fill reading of a bin holding its full 48 samples. {@code belowFull}:
 * the everyday reading, 57.5 to 59 % (full is 66.7 %). {@code crossingFull}: a reading of 70 % on a bin
 * at 60 %, which opens BIN_FULL with its summary and evidence; that message changes the state for good,
 * so each operation starts from a fresh copy, whose cost alone is {@code crossingFullCopyOnly}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class BinRuleBench {

    private static final double[] BELOW_FULL = {57.5, 58.0, 58.5, 59.0};

    private final HallContext hall = BenchHall.context();
    private BinState filling;
    private BinState nearlyFull;
    private Instant ts;
    private int next;

    @Setup(Level.Iteration)
    public void setUp() {
        filling = SteadyStates.bin(hall, 58.0);
        nearlyFull = SteadyStates.bin(hall, 60.0);
        ts = BenchHall.START;
    }

    @Benchmark
    public Outcome belowFull() {
        ts = ts.plus(BenchHall.STEP);
        return SteadyStates.binRule(hall).reading(filling, BELOW_FULL[next++ & 3], ts);
    }

    @Benchmark
    public Outcome crossingFull() {
        ts = ts.plus(BenchHall.STEP);
        return SteadyStates.binRule(hall).reading(SteadyStates.copy(nearlyFull), 70.0, ts);
    }

    @Benchmark
    public BinState crossingFullCopyOnly() {
        return SteadyStates.copy(nearlyFull);
    }
}
