import java.io.IOException;

/**
 * Takes snapshots of one system under test: its own counters (through its probe) and what Linux
 * says about its processes, the broker's and the machine's CPU. Each snapshot is timed at the
 * middle of its probe call, the moment its counters were most likely read.
 */
final class Sampler {

    /** One snapshot; {@code nanos} is System.nanoTime(), {@code epochMs} the wall clock. */
    record Sample(long nanos, long epochMs, SystemProbe.Reading reading, double cpuSeconds, long rssBytes,
            double brokerCpuSeconds, Proc.MachineCpu machine) {

        long handled() {
            return reading.handled();
        }

        Histogram latency(String name) {
            return reading.latency().get(name);
        }
    }

    private final SystemProbe probe;
    private final long pid;
    private final long brokerPid;

    Sampler(SystemProbe probe, long pid, long brokerPid) {
        this.probe = probe;
        this.pid = pid;
        this.brokerPid = brokerPid;
    }

    Sample sample() throws IOException, InterruptedException {
        long before = System.nanoTime();
        SystemProbe.Reading reading = probe.read();
        long after = System.nanoTime();
        return new Sample(before + (after - before) / 2, System.currentTimeMillis(), reading, Proc.cpuSeconds(pid),
                Proc.rssBytes(pid), Proc.cpuSeconds(brokerPid), Proc.machineCpu());
    }

    long pid() {
        return pid;
    }

    long brokerPid() {
        return brokerPid;
    }
}
