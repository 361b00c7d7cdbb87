package io.hallwatch.bench;

import io.hallwatch.rules.HallContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
 * The calendar questions the rules ask several times per message, on a warm calendar during opening
 * hours: {@code firstOpen} (due instants of the sign and health rules), {@code silentAt} (when a device
 * heard now counts as silent: ten minutes of open time), {@code nextChange} (the window rule's catch-up
 * and due instant) and {@code isOpen}. One question per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CalendarQueryBench {

    private static final Duration SILENCE = Duration.ofMinutes(10);

    private final HallContext hall = BenchHall.context();
    private Instant ts;

    @Setup(Level.Iteration)
    public void setUp() {
        ts = BenchHall.START;
    }

    @Benchmark
    public Instant firstOpen() {
        ts = ts.plus(BenchHall.STEP);
        return hall.firstOpen(ts, BenchHall.WINDOW);
    }

    @Benchmark
    public Instant silentAt() {
        ts = ts.plus(BenchHall.STEP);
        return hall.silentAt(ts, SILENCE, BenchHall.WINDOW);
    }

    @Benchmark
    public Optional<Instant> nextChange() {
        ts = ts.plus(BenchHall.STEP);
        return hall.calendar().nextChange(ts, BenchHall.WINDOW);
    }

    @Benchmark
    public boolean isOpen() {
        ts = ts.plus(BenchHall.STEP);
        return hall.calendar().isOpen(ts, BenchHall.WINDOW);
    }
}
