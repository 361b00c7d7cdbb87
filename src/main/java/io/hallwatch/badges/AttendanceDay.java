package io.hallwatch.badges;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The judgement of one staff member's working day. {@code expectedIn}/{@code expectedOut} are the
 * arrival and departure the day asked for after leave (null when on leave all day); minutes are whole
 * started minutes past (late) or before (early) them. A day is either {@code absent} (no badge-in at
 * all), {@code onLeave} (leave covers all its open time), or judged by its first in and last out.
 * {@code anomalies} are codes of tap sequences that did not break the judgement (see
 * {@link AttendanceRule}).
 */
public record AttendanceDay(LocalDate date, Instant expectedIn, Instant expectedOut, Instant firstIn,
        Instant lastOut, int lateMinutes, int earlyMinutes, boolean absent, boolean onLeave, boolean missingOut,
        int taps, List<String> anomalies) {

    public AttendanceDay {
        anomalies = List.copyOf(anomalies);
    }

    public boolean late() {
        return lateMinutes > 0;
    }

    public boolean leftEarly() {
        return earlyMinutes > 0;
    }

    /** This day as known before closing: departure is not judged yet, and no one is absent before they are due. */
    AttendanceDay beforeClosing(boolean arrivalDue) {
        return new AttendanceDay(date, expectedIn, expectedOut, firstIn, lastOut, lateMinutes, 0,
                absent && arrivalDue, onLeave, false, taps, anomalies);
    }
}
