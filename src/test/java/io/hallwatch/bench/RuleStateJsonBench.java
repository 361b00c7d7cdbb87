package io.hallwatch.bench;

import io.hallwatch.bins.BinState;
import io.hallwatch.devices.DeviceHealthState;
import io.hallwatch.devices.DeviceKind;
import io.hallwatch.platform.Json;
import io.hallwatch.presence.WindowState;
import io.hallwatch.rules.HallContext;
import io.hallwatch.signage.SignDeviceState;
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
 * The JSON of rule states through {@link Json}, as HallRules handles it: {@code write*} is
 * {@code HallRules.save} ({@code Json.write(state)}: every message of a bin or window; a health or sign
 * state only when more than its last-heard changed, see {@code saveLiveness}), {@code read*} is
 * {@code HallRules.state} for a subject's first message in a batch (its row's JSON is parsed once per
 * transaction). The states are the steady ones the rule benchmarks use; the bin's holds 48 samples.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RuleStateJsonBench {

    private DeviceHealthState health;
    private BinState bin;
    private SignDeviceState sign;
    private WindowState window;
    private String healthJson;
    private String binJson;
    private String signJson;
    private String windowJson;

    @Setup
    public void setUp() {
        HallContext hall = BenchHall.context();
        health = SteadyStates.health(hall, BenchHall.device(BenchHall.PRESENCE, DeviceKind.PRESENCE), 88.0);
        bin = SteadyStates.bin(hall, 58.0);
        sign = SteadyStates.sign(hall);
        window = SteadyStates.staffedWindow(hall);
        healthJson = Json.write(health);
        binJson = Json.write(bin);
        signJson = Json.write(sign);
        windowJson = Json.write(window);
    }

    @Benchmark
    public String writeHealth() {
        return Json.write(health);
    }

    @Benchmark
    public String writeBin() {
        return Json.write(bin);
    }

    @Benchmark
    public String writeSign() {
        return Json.write(sign);
    }

    @Benchmark
    public String writeWindow() {
        return Json.write(window);
    }

    @Benchmark
    public DeviceHealthState readHealth() {
        return Json.read(healthJson, DeviceHealthState.class);
    }

    @Benchmark
    public BinState readBin() {
        return Json.read(binJson, BinState.class);
    }

    @Benchmark
    public SignDeviceState readSign() {
        return Json.read(signJson, SignDeviceState.class);
    }

    @Benchmark
    public WindowState readWindow() {
        return Json.read(windowJson, WindowState.class);
    }
}
