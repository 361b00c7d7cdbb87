package io.hallwatch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.audit.RefusalThrottle.Count;
import io.hallwatch.audit.RefusalThrottle.Summary;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A flood of refusals writes a known number of lines a minute, and every refusal is still counted. */
class RefusalThrottleTest {

    static final Instant T0 = Instant.parse("2026-05-04T08:30:00Z");

    static int admitted(RefusalThrottle throttle, String actor, String address, int times, Instant at) {
        return (int) IntStream.range(0, times).filter(i -> throttle.admit(actor, address, at)).count();
    }

    @Test
    void eachNameAndAddressGetsItsLinesAMinuteAndTheRestAreSummedWhenTheMinuteEnds() {
        RefusalThrottle throttle = new RefusalThrottle(5, 100);
        assertEquals(5, admitted(throttle, "wang", "10.0.0.7", 40, T0.plusSeconds(1)));
        assertEquals(5, admitted(throttle, "wang", "10.0.0.8", 6, T0.plusSeconds(2)));
        assertEquals(5, admitted(throttle, "li", "10.0.0.7", 5, T0.plusSeconds(59)));
        assertEquals(List.of(), throttle.finished(T0.plusSeconds(59)));
        List<Summary> summaries = throttle.finished(T0.plusSeconds(60));
        assertEquals(List.of(new Summary(T0, T0.plusSeconds(60), 36,
                List.of(new Count("wang", "10.0.0.7", 35), new Count("wang", "10.0.0.8", 1)))), summaries);
        assertEquals(List.of(), throttle.finished(T0.plusSeconds(61)), "a summary is taken once");
        assertTrue(throttle.admit("wang", "10.0.0.7", T0.plusSeconds(61)), "a new minute, new lines");
    }

    @Test
    void theTotalBoundsLinesFromManyNamesAndAQuietMinuteHasNoSummary() {
        RefusalThrottle throttle = new RefusalThrottle(5, 10);
        int written = (int) IntStream.range(0, 50).filter(i -> throttle.admit("u" + i, "10.0.0.9", T0)).count();
        assertEquals(10, written);
        assertFalse(throttle.admit("someone-else", "10.0.0.1", T0.plusSeconds(30)));
        Summary summary = throttle.finished(T0.plusSeconds(120)).get(0);
        assertEquals(41, summary.refusals());
        assertEquals(RefusalThrottle.TOP, summary.top().size());
        assertTrue(throttle.admit("u1", "10.0.0.9", T0.plusSeconds(121)));
        assertEquals(List.of(), throttle.finished(T0.plusSeconds(240)));
    }

    @Test
    void summariesNobodyTakesAreKeptBoundedByFoldingTheOldest() {
        RefusalThrottle throttle = new RefusalThrottle(1, 10);
        for (int minute = 0; minute < RefusalThrottle.MAX_PENDING + 5; minute++) {
            admitted(throttle, "probe", "10.0.0.3", 3, T0.plusSeconds(60L * minute));
        }
        List<Summary> summaries = throttle.finished(T0.plusSeconds(60L * (RefusalThrottle.MAX_PENDING + 5)));
        assertEquals(RefusalThrottle.MAX_PENDING, summaries.size());
        assertEquals(2 * (RefusalThrottle.MAX_PENDING + 5), summaries.stream().mapToInt(Summary::refusals).sum());
        Summary last = summaries.get(summaries.size() - 1);
        assertEquals(T0.plusSeconds(60L * (RefusalThrottle.MAX_PENDING + 5)), last.until());
        assertEquals(List.of(new Count("probe", "10.0.0.3", 12)), last.top());
    }
}
