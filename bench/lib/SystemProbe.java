import java.io.IOException;
import java.util.Map;

/**
 * How the benchmark reads a system under test: how many messages it has handled so far and its
 * latency histograms, each a counter that only grows. A probe is read once a second during a step.
 */
interface SystemProbe extends AutoCloseable {

    /** Latency histogram names: device {@code ts} to handled, and to a work order (or alert) committed. */
    String HANDLED = "handled";
    String ORDER = "order";
    /** HallWatch only: orders a rule tick opened, from the due instant it acted on (context, not judged). */
    String ORDER_TICK = "orderTick";

    /**
     * One reading. {@code handled} counts every message the system finished with, accepted or
     * rejected; {@code counters} are the system's own counts worth reporting per step (rejections by
     * reason, alerts); {@code queueDepth} and the heap figures are null where the system has none.
     */
    record Reading(long handled, Map<String, Histogram> latency, Map<String, Long> counters, Double queueDepth,
            Double heapUsed, Double heapCommitted) {
    }

    Reading read() throws IOException, InterruptedException;

    @Override
    default void close() {
    }
}
