package io.hallwatch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogBudgetTest {

    private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

    @Test
    void writesUpToTheBudgetThenOnlyCounts() {
        LogBudget budget = new LogBudget(2, Duration.ofMinutes(1));
        assertEquals(0, budget.tryLog(T0));
        assertEquals(0, budget.tryLog(T0.plusSeconds(1)));
        assertEquals(-1, budget.tryLog(T0.plusSeconds(2)));
        assertEquals(-1, budget.tryLog(T0.plusSeconds(59)));
    }

    @Test
    void theFirstLineOfTheNextWindowSaysHowManyWereLeftOut() {
        LogBudget budget = new LogBudget(1, Duration.ofMinutes(1));
        budget.tryLog(T0);
        budget.tryLog(T0.plusSeconds(10));
        budget.tryLog(T0.plusSeconds(20));
        assertEquals(2, budget.tryLog(T0.plusSeconds(60)));
        assertEquals(-1, budget.tryLog(T0.plusSeconds(61)));
        assertEquals(1, budget.tryLog(T0.plusSeconds(200)));
    }
}
