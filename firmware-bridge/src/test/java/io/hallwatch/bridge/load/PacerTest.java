package io.hallwatch.bridge.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long START = 1_000_000_000L;
    private static final long MS = 1_000_000L;

    @Test
    void spreadsMessagesEvenlyOverTheSecondInsteadOfSendingThemAtOnce() {
        Pacer pacer = new Pacer(START, 1000, 1000);

        assertEquals(1, pacer.take(START), "the first message is due at the start");
        assertEquals(0, pacer.take(START + MS / 2), "the next one a millisecond later");
        assertEquals(START + MS, pacer.nextDue());
        assertEquals(1, pacer.take(START + MS));
        assertEquals(10, pacer.take(START + 11 * MS));
        assertEquals(0, pacer.missed());
    }

    @Test
    void holdsTheRateOverTheWholeRunWhateverEachCallTakes() {
        Pacer pacer = new Pacer(START, 2000, 1000);
        long sent = 0;
        for (long t = START; t < START + 1_000 * MS; t += 3 * MS + 123) {
            sent += pacer.take(t);
        }
        assertEquals(2000, sent, 6);
    }

    @Test
    void countsMessagesAsMissedRatherThanBurstingAfterALongStall() {
        Pacer pacer = new Pacer(START, 1000, 100);
        pacer.take(START);

        assertEquals(100, pacer.take(START + 1_000 * MS), "at most the backlog at once");
        assertEquals(900, pacer.missed());
        assertEquals(1001, pacer.taken());
    }

    @Test
    void sendsNothingBeforeItsStart() {
        Pacer pacer = new Pacer(START, 1000, 100);

        assertEquals(0, pacer.take(START - MS));
        assertEquals(START, pacer.nextDue());
    }
}
