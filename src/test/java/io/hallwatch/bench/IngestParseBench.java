package io.hallwatch.bench;

import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceTopic;
import io.hallwatch.ingest.InboundMessage;
import io.hallwatch.ingest.PayloadParser;
import java.time.Duration;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Topic and payload of one message of the load's mix together. {@code topicAndPayload} parses each
 * once; {@code asIngestProcessorDoes} repeats what the service does today for a message up to the
 * registry gate: the callback's {@link InboundMessage} and the pipeline's hall key, the topic parsed in
 * {@code IngestProcessor.prepare} and again in {@code handleOne}, the payload, and the kind segment for
 * the accepted counter.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class IngestParseBench {

    private static final int MASK = LoadMessages.COUNT - 1;
    private static final Runnable NO_ACK = () -> { };

    private final PayloadParser parser = new PayloadParser(Duration.ofMinutes(5));
    private List<LoadMessages.Message> messages;
    private int next;

    @Setup
    public void setUp() {
        messages = LoadMessages.mix(BenchHall.START.minusSeconds(10));
    }

    @Benchmark
    public DeviceMessage topicAndPayload() {
        LoadMessages.Message message = messages.get(next++ & MASK);
        DeviceTopic topic = DeviceTopic.parse(message.topic());
        return parser.parse(topic, message.payload(), BenchHall.CLOCK.instant());
    }

    @Benchmark
    public void asIngestProcessorDoes(Blackhole bh) {
        LoadMessages.Message message = messages.get(next++ & MASK);
        InboundMessage inbound = new InboundMessage(message.topic(), message.payload(), false,
                BenchHall.CLOCK.instant(), System.nanoTime(), NO_ACK);
        bh.consume(inbound.hallKey());
        bh.consume(DeviceTopic.parse(inbound.topic()).device());
        DeviceTopic topic = DeviceTopic.parse(inbound.topic());
        bh.consume(parser.parse(topic, inbound.payload(), BenchHall.CLOCK.instant()));
        bh.consume(topic.kindSegment());
    }
}
