package io.hallwatch.bench;

import io.hallwatch.devices.DeviceKind;
import io.hallwatch.ingest.DeviceMessage;
import io.hallwatch.ingest.DeviceTopic;
import io.hallwatch.ingest.PayloadParser;
import java.time.Duration;
import java.time.Instant;
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

/**
 * {@link PayloadParser#parse} of the load's payloads, per kind and in the load's mix, with the topic
 * already parsed and the service clock fixed: {@code {"ts":1795399190000,"seq":42,"fill":71.5,"battery":88}}
 * and the like. {@code binTextTs} sends the bin payloads with {@code ts} as an RFC 3339 string, the
 * contract's other form, to show what the regex and date parsing add.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class PayloadParseBench {

    private static final int MASK = LoadMessages.COUNT - 1;

    private final PayloadParser parser = new PayloadParser(Duration.ofMinutes(5));
    private Parsed mix;
    private Parsed presence;
    private Parsed signage;
    private Parsed bin;
    private Parsed binTextTs;
    private Parsed badge;
    private int next;

    /** Topics parsed ahead, so that only the payload is measured. */
    private record Parsed(DeviceTopic[] topics, byte[][] payloads) {
        static Parsed of(List<LoadMessages.Message> messages) {
            return new Parsed(messages.stream().map(m -> DeviceTopic.parse(m.topic())).toArray(DeviceTopic[]::new),
                    messages.stream().map(LoadMessages.Message::payload).toArray(byte[][]::new));
        }
    }

    @Setup
    public void setUp() {
        // Ten seconds before the service clock, as a device a little behind it sends.
        Instant start = BenchHall.START.minusSeconds(10);
        mix = Parsed.of(LoadMessages.mix(start));
        presence = Parsed.of(LoadMessages.of(DeviceKind.PRESENCE, start, false));
        signage = Parsed.of(LoadMessages.of(DeviceKind.SIGNAGE, start, false));
        bin = Parsed.of(LoadMessages.of(DeviceKind.BIN, start, false));
        binTextTs = Parsed.of(LoadMessages.of(DeviceKind.BIN, start, true));
        badge = Parsed.of(LoadMessages.of(DeviceKind.BADGE, start, false));
    }

    @Benchmark
    public DeviceMessage mix() {
        return parse(mix);
    }

    @Benchmark
    public DeviceMessage presence() {
        return parse(presence);
    }

    @Benchmark
    public DeviceMessage signage() {
        return parse(signage);
    }

    @Benchmark
    public DeviceMessage bin() {
        return parse(bin);
    }

    @Benchmark
    public DeviceMessage binTextTs() {
        return parse(binTextTs);
    }

    @Benchmark
    public DeviceMessage badge() {
        return parse(badge);
    }

    private DeviceMessage parse(Parsed messages) {
        int i = next++ & MASK;
        return parser.parse(messages.topics[i], messages.payloads[i], BenchHall.CLOCK.instant());
    }
}
