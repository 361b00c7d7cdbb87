package io.hallwatch.bench;

import io.hallwatch.ingest.DeviceTopic;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@link DeviceTopic#parse} of the load's topics ({@code hallwatch/v1/load-h17/bin/load-d12345}), all
 * kinds in the load's mix, one topic per operation.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class TopicParseBench {

    private String[] topics;
    private int next;

    @Setup
    public void setUp() {
        topics = LoadMessages.mix(BenchHall.START).stream().map(LoadMessages.Message::topic).toArray(String[]::new);
    }

    @Benchmark
    public DeviceTopic parse() {
        return DeviceTopic.parse(topics[next++ & (LoadMessages.COUNT - 1)]);
    }
}
