package io.hallwatch.bridge.load;

/**
 * When a connection's messages are due: message {@code i} at {@code start + i / rate}, by
 * {@link System#nanoTime()}, so the rate holds over the whole run however long each publish takes.
 * When the sender falls behind (a pause of the JVM, a busy CPU) it catches up with at most
 * {@code maxBacklog} messages at once; older ones are counted as missed instead of sent in a burst,
 * which would measure the broker under a load nobody asked for.
 */
public final class Pacer {

    private final long start;
    private final double nanosPerMessage;
    private final long maxBacklog;
    private long taken;
    private long missed;

    public Pacer(long startNanos, double ratePerSecond, long maxBacklog) {
        if (ratePerSecond <= 0 || maxBacklog < 1) {
            throw new IllegalArgumentException("a pacer needs a positive rate and backlog");
        }
        this.start = startNanos;
        this.nanosPerMessage = 1e9 / ratePerSecond;
        this.maxBacklog = maxBacklog;
    }

    /** How many messages to send now, at {@code now}; they count as taken. */
    public long take(long now) {
        if (now < start) {
            return 0;
        }
        long due = (long) ((now - start) / nanosPerMessage) + 1;
        if (due <= taken) {
            return 0;
        }
        long backlog = due - taken;
        if (backlog > maxBacklog) {
            missed += backlog - maxBacklog;
            backlog = maxBacklog;
        }
        taken = due;
        return backlog;
    }

    /** When the next message is due. */
    public long nextDue() {
        return start + (long) Math.ceil(taken * nanosPerMessage);
    }

    /** Messages due so far, sent or missed. */
    public long taken() {
        return taken;
    }

    /** Messages skipped because the sender was too far behind. */
    public long missed() {
        return missed;
    }
}
