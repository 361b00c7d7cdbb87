package io.hallwatch.halls;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A hall's regular weekly opening hours: one or more periods, each for a set of weekdays with an
 * optional lunch break, or "always open" (a test hall that runs at any hour). Holidays, make-up
 * workdays and per-window hours belong to the calendar feature.
 */
public record OpeningHours(boolean alwaysOpen, List<Period> weekly) {

    /** Opening hours for some weekdays, e.g. MONDAY-FRIDAY 09:00-17:00 with lunch 12:00-13:30. */
    public record Period(
            Set<DayOfWeek> days,
            @JsonFormat(pattern = "HH:mm") LocalTime open,
            @JsonFormat(pattern = "HH:mm") LocalTime close,
            @JsonFormat(pattern = "HH:mm") LocalTime lunchStart,
            @JsonFormat(pattern = "HH:mm") LocalTime lunchEnd) {
    }

    /** Monday to Friday, 09:00 to 17:00 with lunch from 12:00 to 13:30. */
    public static OpeningHours defaults() {
        return new OpeningHours(false, List.of(new Period(
                EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
                LocalTime.of(9, 0), LocalTime.of(17, 0), LocalTime.of(12, 0), LocalTime.of(13, 30))));
    }

    public static OpeningHours always() {
        return new OpeningHours(true, List.of());
    }

    /** What is wrong with these hours, one message per problem; empty when they are usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        List<Period> periods = weekly == null ? List.of() : weekly;
        if (!alwaysOpen && periods.isEmpty()) {
            problems.add("openingHours.weekly must have at least one period unless alwaysOpen is true");
        }
        Set<DayOfWeek> seen = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < periods.size(); i++) {
            problems.addAll(periodProblems("openingHours.weekly[" + i + "]", periods.get(i), seen));
        }
        return problems;
    }

    private static List<String> periodProblems(String at, Period period, Set<DayOfWeek> seen) {
        List<String> problems = new ArrayList<>();
        if (period == null || period.days() == null || period.days().isEmpty()) {
            problems.add(at + ".days must name at least one weekday");
            return problems;
        }
        for (DayOfWeek day : period.days()) {
            if (!seen.add(day)) {
                problems.add(at + ".days: " + day + " appears in more than one period");
            }
        }
        if (period.open() == null || period.close() == null || !period.open().isBefore(period.close())) {
            problems.add(at + ": open and close are required and open must be before close");
            return problems;
        }
        boolean hasLunch = period.lunchStart() != null || period.lunchEnd() != null;
        if (hasLunch && (period.lunchStart() == null || period.lunchEnd() == null
                || !period.lunchStart().isBefore(period.lunchEnd())
                || period.lunchStart().isBefore(period.open()) || period.lunchEnd().isAfter(period.close()))) {
            problems.add(at + ": lunchStart and lunchEnd go together, in order, inside open and close");
        }
        return problems;
    }
}
