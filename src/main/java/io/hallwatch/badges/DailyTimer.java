package io.hallwatch.badges;

import io.hallwatch.calendar.DaySchedule;
import io.hallwatch.calendar.HallCalendar;
import io.hallwatch.rules.Times;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * One moment of each judged day of a hall's or window's calendar (its closing, its opening plus the
 * late grace), walked forward from the last moment handled. Plain Java. When no judged day lies within
 * {@value #LOOKAHEAD_DAYS} days (an always-open hall, a long closure) the walk looks again a day later,
 * since the hours may have changed by then.
 */
final class DailyTimer {

    /** Where a walk stopped: the last moment handled and when the next one is due. */
    record Position(Instant checkedThrough, Instant due) {
    }

    static final int LOOKAHEAD_DAYS = 31;
    private static final int MAX_CATCH_UP = 31;

    private final HallCalendar calendar;
    private final String windowId;
    private final Function<DaySchedule, Instant> moment;

    /** {@code windowId} null: the hall's own days. */
    DailyTimer(HallCalendar calendar, String windowId, Function<DaySchedule, Instant> moment) {
        this.calendar = calendar;
        this.windowId = windowId;
        this.moment = moment;
    }

    /** Hands each moment after {@code checkedThrough} and not after {@code now} to {@code each}, oldest first. */
    Position walk(Instant checkedThrough, Instant now, BiConsumer<DaySchedule, Instant> each) {
        Instant through = checkedThrough;
        for (int i = 0; i < MAX_CATCH_UP; i++) {
            DaySchedule day = nextDay(through);
            if (day == null || moment.apply(day).isAfter(now)) {
                break;
            }
            each.accept(day, moment.apply(day));
            through = moment.apply(day);
        }
        DaySchedule next = nextDay(through);
        if (next == null) {
            return new Position(Times.latest(through, now), now.plus(Duration.ofDays(1)));
        }
        return new Position(through, moment.apply(next));
    }

    /** The first judged day whose moment is after {@code after}; null when none within the look-ahead. */
    private DaySchedule nextDay(Instant after) {
        LocalDate first = LocalDate.ofInstant(after, calendar.zone());
        for (int i = 0; i <= LOOKAHEAD_DAYS; i++) {
            DaySchedule day = calendar.day(first.plusDays(i), windowId);
            if (AttendanceRule.judged(day) && moment.apply(day).isAfter(after)) {
                return day;
            }
        }
        return null;
    }
}
