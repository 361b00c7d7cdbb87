package io.hallwatch.bridge.load;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The counters of one load run, shared by every connection. The measured period runs from the end
 * of the warm-up to the end of sending (or Ctrl-C): the achieved rate counts the acknowledgements that
 * arrived in it, and latencies are taken from the messages sent in it, so warm-up never flatters or
 * spoils the figures. Times are {@link System#nanoTime()} values.
 */
public final class LoadStats {

    private final long measureFrom;
    private volatile long measureUntil;
    private final LongAdder scheduled = new LongAdder();
    private final LongAdder sent = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder measuredSent = new LongAdder();
    private final LongAdder measuredAcked = new LongAdder();
    private final LongAdder missed = new LongAdder();
    private final LongAdder disconnects = new LongAdder();
    private final Map<ErrorCause, LongAdder> errors = new EnumMap<>(ErrorCause.class);
    private final LatencyHistogram latency = new LatencyHistogram();
    private volatile String lastOther;

    public LoadStats(long measureFrom, long measureUntil) {
        this.measureFrom = measureFrom;
        this.measureUntil = measureUntil;
        for (ErrorCause cause : ErrorCause.values()) {
            errors.put(cause, new LongAdder());
        }
    }

    /** Ends the measured period early (Ctrl-C), so that acknowledgements of the drain do not count. */
    public void endMeasurementAt(long nanos) {
        measureUntil = Math.max(measureFrom, Math.min(measureUntil, nanos));
    }

    public void scheduled(long messages) {
        scheduled.add(messages);
    }

    public void missed(long messages) {
        missed.add(messages);
    }

    public void sent(long sendNanos) {
        sent.increment();
        if (measured(sendNanos)) {
            measuredSent.increment();
        }
    }

    public void acked(long sendNanos, long ackNanos) {
        acked.increment();
        if (measured(ackNanos)) {
            measuredAcked.increment();
        }
        if (sendNanos >= measureFrom) {
            latency.record((ackNanos - sendNanos) / 1_000);
        }
    }

    public void failed(ErrorCause cause, long messages, String detail) {
        errors.get(cause).add(messages);
        if (cause == ErrorCause.OTHER) {
            lastOther = detail;
        }
    }

    public void disconnected() {
        disconnects.increment();
    }

    private boolean measured(long nanos) {
        return nanos >= measureFrom && nanos < measureUntil;
    }

    public long scheduled() {
        return scheduled.sum();
    }

    public long sent() {
        return sent.sum();
    }

    public long acked() {
        return acked.sum();
    }

    public long measuredSent() {
        return measuredSent.sum();
    }

    public long measuredAcked() {
        return measuredAcked.sum();
    }

    public long missed() {
        return missed.sum();
    }

    public long disconnects() {
        return disconnects.sum();
    }

    public long measureFrom() {
        return measureFrom;
    }

    public long measureUntil() {
        return measureUntil;
    }

    /** Errors by cause, every cause present, in a stable order. */
    public Map<String, Long> errors() {
        Map<String, Long> byCause = new LinkedHashMap<>();
        errors.forEach((cause, count) -> byCause.put(cause.key(), count.sum()));
        return byCause;
    }

    public long errorTotal() {
        return errors.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** The message of the latest error of cause {@link ErrorCause#OTHER}, or null. */
    public String lastOther() {
        return lastOther;
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
