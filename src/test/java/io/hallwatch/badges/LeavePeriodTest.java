package io.hallwatch.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Leave spans as managers give them. */
class LeavePeriodTest {

    @Test
    void datesAreWholeDaysWithToInclusive() {
        LeavePeriod p = LeavePeriod.parse("2026-03-02", "2026-03-03");
        assertEquals(LocalDateTime.parse("2026-03-02T00:00"), p.start());
        assertEquals(LocalDateTime.parse("2026-03-04T00:00"), p.end());
        assertTrue(p.wholeDays());
        assertEquals(LocalDate.parse("2026-03-03"), p.lastDate());
    }

    @Test
    void dateTimesAreLocalTimesAndMayMixWithDates() {
        LeavePeriod p = LeavePeriod.parse("2026-03-02T09:00", "2026-03-02");
        assertEquals(LocalDateTime.parse("2026-03-03T00:00"), p.end());
        assertEquals(LocalDate.parse("2026-03-02"), p.lastDate());
    }

    @Test
    void rejectsReversedMalformedAndOverlongSpans() {
        assertThrows(IllegalArgumentException.class, () -> LeavePeriod.parse("2026-03-03", "2026-03-02"));
        assertThrows(IllegalArgumentException.class, () -> LeavePeriod.parse("2026-03-02T10:00", "2026-03-02T10:00"));
        assertThrows(IllegalArgumentException.class, () -> LeavePeriod.parse("2026-02-30", "2026-03-02"));
        assertThrows(IllegalArgumentException.class, () -> LeavePeriod.parse("2026-03-02 09:00", "2026-03-02"));
        assertEquals(LocalDate.parse("2027-01-01"), LeavePeriod.parse("2026-01-01", "2027-01-01").lastDate());
        assertThrows(IllegalArgumentException.class, () -> LeavePeriod.parse("2026-01-01", "2027-01-02"));
    }
}
