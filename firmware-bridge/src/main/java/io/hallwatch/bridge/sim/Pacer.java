package io.hallwatch.bridge.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/**
 * When the player may publish the messages of an instant of the simulated day, and what time they
 * carry. Real time plays the day {@code speed} times faster than the clock, stamping messages with
 * the time they are sent; the external clock lets another program (a test, a replay tool) step
 * through the day: it prints {@code at <instant> <count>} on standard output, waits for a line on
 * standard input, publishes, and prints {@code sent <count>}.
 */
interface Pacer {

    void before(Instant at, int count) throws IOException;

    void after(Instant at, int published);

    /** The {@code ts} of a message planned for {@code at}. */
    Instant ts(Instant at);

    /** Plays the day from {@code planStart} at {@code speed} times real time, starting now. */
    static Pacer realTime(Instant planStart, double speed) {
        Instant realStart = Instant.now();
        return new Pacer() {
            @Override
            public void before(Instant at, int count) {
                long offset = (long) (Duration.between(planStart, at).toNanos() / speed);
                Instant due = realStart.plusNanos(offset);
                for (Duration left = Duration.between(Instant.now(), due); !left.isNegative() && !left.isZero();
                        left = Duration.between(Instant.now(), due)) {
                    LockSupport.parkNanos(left.toNanos());
                }
            }

            @Override
            public void after(Instant at, int published) {
                // Nothing to report: real time moves on by itself.
            }

            @Override
            public Instant ts(Instant at) {
                return Instant.ofEpochMilli(System.currentTimeMillis());
            }
        };
    }

    /** Steps through the day when the program at the other end of standard input and output says so. */
    static Pacer external(BufferedReader in, PrintWriter out) {
        return new Pacer() {
            @Override
            public void before(Instant at, int count) throws IOException {
                out.println("at " + at + " " + count);
                out.flush();
                if (in.readLine() == null) {
                    throw new IOException("the external clock closed standard input");
                }
            }

            @Override
            public void after(Instant at, int published) {
                out.println("sent " + published);
                out.flush();
            }

            @Override
            public Instant ts(Instant at) {
                return at;
            }
        };
    }
}
