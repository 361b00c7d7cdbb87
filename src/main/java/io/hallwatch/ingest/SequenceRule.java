package io.hallwatch.ingest;

import java.time.Instant;

/**
 * Whether a reading is new, given the last accepted {@code seq} of its device and the device time of
 * the newest applied reading. Plain Java, no state of its own.
 *
 * <p>A {@code seq} at or below the last accepted one is a duplicate (same {@code seq} and {@code ts})
 * or a stale reorder, unless the device time moved forward: then the device restarted its counter,
 * and the reading is new. Readings without {@code seq}, or from a device with none yet, always pass.
 */
public final class SequenceRule {

    private SequenceRule() {
    }

    /** @throws MessageRejectedException DUPLICATE_SEQ or STALE_SEQ */
    public static void check(String device, Long lastSeq, Instant lastTs, Long seq, Instant ts) {
        if (seq == null || lastSeq == null || seq > lastSeq) {
            return;
        }
        boolean sameTime = ts.equals(lastTs);
        if (seq.equals(lastSeq) && sameTime) {
            throw new MessageRejectedException(RejectionReason.DUPLICATE_SEQ,
                    "seq " + seq + " was already received from device '" + device + "'");
        }
        boolean newer = lastTs == null || ts.isAfter(lastTs);
        if (!newer) {
            throw new MessageRejectedException(RejectionReason.STALE_SEQ, "seq " + seq + " is not after the last seq "
                    + lastSeq + " of device '" + device + "' and its ts is not newer");
        }
    }
}
