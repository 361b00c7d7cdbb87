package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SequenceRuleTest {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    private static RejectionReason rejection(Long lastSeq, Instant lastTs, Long seq, Instant ts) {
        return assertThrows(MessageRejectedException.class,
                () -> SequenceRule.check("d1", lastSeq, lastTs, seq, ts)).reason();
    }

    @Test
    void acceptsTheNextSeq() {
        assertDoesNotThrow(() -> SequenceRule.check("d1", 7L, T, 8L, T.plusSeconds(1)));
    }

    @Test
    void acceptsAGapInSeqAsLostMessagesNotAnError() {
        assertDoesNotThrow(() -> SequenceRule.check("d1", 7L, T, 20L, T.plusSeconds(1)));
    }

    @Test
    void rejectsTheSameSeqAtTheSameTimeAsADuplicate() {
        assertEquals(RejectionReason.DUPLICATE_SEQ, rejection(7L, T, 7L, T));
    }

    @Test
    void rejectsAnOlderSeqWithAnOlderTsAsStale() {
        assertEquals(RejectionReason.STALE_SEQ, rejection(7L, T, 5L, T.minusSeconds(30)));
    }

    @Test
    void rejectsAnOlderSeqAtTheSameTimeAsStale() {
        assertEquals(RejectionReason.STALE_SEQ, rejection(7L, T, 6L, T));
    }

    @Test
    void acceptsALowerSeqWithANewerTsAsACounterRestart() {
        assertDoesNotThrow(() -> SequenceRule.check("d1", 812L, T, 0L, T.plusSeconds(5)));
    }

    @Test
    void passesReadingsWithoutSeqAndDevicesWithoutHistory() {
        assertDoesNotThrow(() -> SequenceRule.check("d1", 7L, T, null, T.minusSeconds(60)));
        assertDoesNotThrow(() -> SequenceRule.check("d1", null, null, 3L, T));
    }
}
