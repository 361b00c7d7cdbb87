package io.hallwatch.calendar;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.hallwatch.platform.Ids;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * A hall-specific day (exception), as plain data: CLOSED, or OPEN with its own hours (openAt and
 * closeAt, optional lunch) or, without hours, with the hours of a make-up workday. It applies to the
 * listed windows, or to the whole hall when {@code windows} is empty. It wins over public holidays
 * and weekly hours.
 */
public record CalendarDay(
        LocalDate date,
        boolean open,
        @JsonFormat(pattern = "HH:mm") LocalTime openAt,
        @JsonFormat(pattern = "HH:mm") LocalTime closeAt,
        @JsonFormat(pattern = "HH:mm") LocalTime lunchStart,
        @JsonFormat(pattern = "HH:mm") LocalTime lunchEnd,
        List<String> windows,
        String note) {

    /** Enough for any hall; keeps the stored list inside its column. */
    public static final int MAX_WINDOWS = 50;
    public static final int MAX_NOTE = 200;

    public CalendarDay {
        Objects.requireNonNull(date, "date");
        windows = windows == null ? List.of() : List.copyOf(windows);
    }

    public static CalendarDay closed(LocalDate date, String note) {
        return new CalendarDay(date, false, null, null, null, null, List.of(), note);
    }

    public static CalendarDay open(LocalDate date, LocalTime openAt, LocalTime closeAt, String note) {
        return new CalendarDay(date, true, openAt, closeAt, null, null, List.of(), note);
    }

    /** Open on that date with the hours a make-up workday would have. */
    public static CalendarDay openWithUsualHours(LocalDate date, String note) {
        return new CalendarDay(date, true, null, null, null, null, List.of(), note);
    }

    public CalendarDay withLunch(LocalTime start, LocalTime end) {
        return new CalendarDay(date, open, openAt, closeAt, start, end, windows, note);
    }

    public CalendarDay onlyFor(String... windowIds) {
        return new CalendarDay(date, open, openAt, closeAt, lunchStart, lunchEnd, List.of(windowIds), note);
    }

    public boolean hasHours() {
        return openAt != null && closeAt != null;
    }

    /** Whether this day applies to that window; {@code null} is the hall itself. */
    public boolean appliesTo(String windowId) {
        return windows.isEmpty() || windowId != null && windows.contains(windowId);
    }

    /** What is wrong with this day, one message per problem; empty when it is usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(hourProblems());
        if (windows.size() > MAX_WINDOWS) {
            problems.add("windows may name at most " + MAX_WINDOWS + " windows");
        }
        for (String window : windows) {
            if (window == null || !window.matches(Ids.REGEX)) {
                problems.add("windows: '" + window + "' " + Ids.MESSAGE);
            }
        }
        if (new HashSet<>(windows).size() != windows.size()) {
            problems.add("windows names a window more than once");
        }
        if (note != null && note.length() > MAX_NOTE) {
            problems.add("note must be at most " + MAX_NOTE + " characters");
        }
        return problems;
    }

    private List<String> hourProblems() {
        boolean anyHours = openAt != null || closeAt != null || lunchStart != null || lunchEnd != null;
        if (!open) {
            return anyHours ? List.of("a closed day has no openAt, closeAt or lunch") : List.of();
        }
        if (!anyHours) {
            return List.of();
        }
        if (openAt == null || closeAt == null || !openAt.isBefore(closeAt)) {
            return List.of("openAt and closeAt go together and openAt must be before closeAt"
                    + " (leave both out to use the hall's usual weekday hours)");
        }
        boolean hasLunch = lunchStart != null || lunchEnd != null;
        if (hasLunch && (lunchStart == null || lunchEnd == null || !lunchStart.isBefore(lunchEnd)
                || lunchStart.isBefore(openAt) || lunchEnd.isAfter(closeAt))) {
            return List.of("lunchStart and lunchEnd go together, in order, inside openAt and closeAt");
        }
        return List.of();
    }
}
