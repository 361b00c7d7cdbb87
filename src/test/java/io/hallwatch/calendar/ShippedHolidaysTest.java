package io.hallwatch.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallwatch.calendar.PublicHolidays.Entry;
import io.hallwatch.calendar.PublicHolidays.Kind;
import io.hallwatch.calendar.PublicHolidays.Year;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The shipped data against the State Council notices: the days-off counts ("共N天") and the make-up
 * workdays ("上班") each notice names, copied here by hand so that a slip in the data file shows.
 */
class ShippedHolidaysTest {

    private final PublicHolidays shipped = PublicHolidays.shipped();

    @Test
    void shipsTheNoticesFor2024To2026() {
        assertTrue(shipped.years().containsAll(List.of(2024, 2025, 2026)));
    }

    @Test
    void everyShippedYearIsWellFormed() {
        for (int year : shipped.years()) {
            Year data = shipped.year(year).orElseThrow();
            assertEquals(List.of(), PublicHolidays.problems(year, data.entries()), "year " + year);
            Set<LocalDate> dates = new HashSet<>();
            for (Entry entry : data.entries()) {
                assertEquals(year, entry.date().getYear(), entry.toString());
                assertTrue(dates.add(entry.date()), "twice: " + entry);
                assertFalse(entry.nameZh().isBlank(), entry.toString());
                assertFalse(entry.nameEn().isBlank(), entry.toString());
            }
            assertTrue(data.source().contains("国务院办公厅关于" + year + "年部分节假日安排的通知"), data.source());
        }
    }

    @Test
    void makeUpWorkdaysFallOnWeekends() {
        for (int year : shipped.years()) {
            for (Entry entry : shipped.year(year).orElseThrow().entries()) {
                if (entry.kind() == Kind.WORKDAY) {
                    DayOfWeek day = entry.date().getDayOfWeek();
                    assertTrue(day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY, entry.toString());
                }
            }
        }
    }

    @Test
    void matchesThe2024Notice() {
        assertYear(2024, 28, "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11",
                "2024-09-14", "2024-09-29", "2024-10-12");
    }

    @Test
    void matchesThe2025Notice() {
        assertYear(2025, 28, "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11");
    }

    @Test
    void matchesThe2026Notice() {
        assertYear(2026, 33, "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
        assertEquals("春节", shipped.on(LocalDate.of(2026, 2, 23)).orElseThrow().nameZh());
        assertEquals("Spring Festival", shipped.on(LocalDate.of(2026, 2, 15)).orElseThrow().nameEn());
        assertEquals(Kind.HOLIDAY, shipped.on(LocalDate.of(2026, 10, 7)).orElseThrow().kind());
        assertTrue(shipped.on(LocalDate.of(2026, 10, 8)).isEmpty());
    }

    private void assertYear(int year, long daysOff, String... workdays) {
        List<Entry> entries = shipped.year(year).orElseThrow().entries();
        assertEquals(daysOff, entries.stream().filter(e -> e.kind() == Kind.HOLIDAY).count(), "days off in " + year);
        assertEquals(List.of(workdays), entries.stream().filter(e -> e.kind() == Kind.WORKDAY)
                .map(e -> e.date().toString()).sorted().toList());
    }
}
