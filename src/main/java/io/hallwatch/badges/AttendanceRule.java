package io.hallwatch.badges;

import io.hallwatch.calendar.DayKind;
import io.hallwatch.calendar.DaySchedule;
import io.hallwatch.calendar.Interval;
import io.hallwatch.halls.RuleSettings;
import io.hallwatch.rules.Times;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges one staff member's day (严格守时, 提前到岗) from the hall's day schedule, the day's badge taps
 * and the leave a manager recorded. Plain Java.
 * <ul>
 * <li>Only open days are judged; closed days and days of an always-open hall (no working hours) are not.</li>
 * <li>Leave is taken out of the day's open time: what remains sets the expected arrival (its start)
 * and departure (its end); when nothing remains the staff member is on leave, not absent.</li>
 * <li>Absent: no badge-in at all that day. Late: the first in after the expected arrival plus the late
 * grace, counted in minutes from the expected arrival. Early leave: the last out before the expected
 * departure minus the early grace, counted from the expected departure; a day whose last in has no
 * out after it is not an early leave but {@code missingOut}.</li>
 * <li>Taps out of order (an out before the first in, two ins or two outs in a row) are kept as
 * anomalies: {@value #OUT_BEFORE_IN}, {@value #REPEATED_IN}, {@value #REPEATED_OUT},
 * {@value #OUT_WITHOUT_IN}.</li>
 * </ul>
 */
public final class AttendanceRule {

    public static final String OUT_BEFORE_IN = "OUT_BEFORE_IN";
    public static final String REPEATED_IN = "REPEATED_IN";
    public static final String REPEATED_OUT = "REPEATED_OUT";
    public static final String OUT_WITHOUT_IN = "OUT_WITHOUT_IN";

    private final Duration lateGrace;
    private final Duration earlyGrace;

    /** {@code settings} with defaults filled in. */
    public AttendanceRule(RuleSettings settings) {
        this.lateGrace = Duration.ofSeconds(settings.lateGraceSeconds());
        this.earlyGrace = Duration.ofSeconds(settings.earlyLeaveGraceSeconds());
    }

    /** Whether a day of this schedule is judged at all. */
    public static boolean judged(DaySchedule day) {
        return day.isOpenDay() && day.kind() != DayKind.ALWAYS_OPEN;
    }

    /** The final judgement of a day that has closed; empty when the day is not judged. */
    public Optional<AttendanceDay> judge(DaySchedule day, List<Tap> taps, List<Interval> leave) {
        if (!judged(day)) {
            return Optional.empty();
        }
        List<Tap> sorted = taps.stream().sorted(Comparator.comparing(Tap::at)).toList();
        List<Interval> work = minus(day.open(), leave);
        Instant firstIn = sorted.stream().filter(Tap::in).map(Tap::at).findFirst().orElse(null);
        Instant lastOut = lastOut(sorted);
        if (work.isEmpty()) {
            return Optional.of(new AttendanceDay(day.date(), null, null, firstIn, lastOut, 0, 0, false, true, false,
                    sorted.size(), anomalies(sorted)));
        }
        return Optional.of(judgeWork(day, sorted, work.get(0).start(), work.get(work.size() - 1).end()));
    }

    private AttendanceDay judgeWork(DaySchedule day, List<Tap> sorted, Instant expectedIn, Instant expectedOut) {
        Instant firstIn = sorted.stream().filter(Tap::in).map(Tap::at).findFirst().orElse(null);
        Instant lastOut = lastOut(sorted);
        boolean missingOut = firstIn != null && missingOut(sorted);
        int late = firstIn != null && firstIn.isAfter(expectedIn.plus(lateGrace)) ? minutes(expectedIn, firstIn) : 0;
        int early = firstIn != null && !missingOut && lastOut.isBefore(expectedOut.minus(earlyGrace))
                ? minutes(lastOut, expectedOut) : 0;
        return new AttendanceDay(day.date(), expectedIn, expectedOut, firstIn, lastOut, late, early, firstIn == null,
                false, missingOut, sorted.size(), anomalies(sorted));
    }

    /**
     * The day as known at {@code now}: the final judgement once the day has closed; before that,
     * departure is not judged and a staff member is absent only once their arrival (plus grace) is past.
     */
    public Optional<AttendanceDay> provisional(DaySchedule day, List<Tap> taps, List<Interval> leave, Instant now) {
        List<Tap> known = taps.stream().filter(tap -> !tap.at().isAfter(now)).toList();
        Optional<AttendanceDay> judged = judge(day, known, leave);
        if (judged.isEmpty() || Times.reached(day.closesAt().orElse(null), now)) {
            return judged;
        }
        AttendanceDay d = judged.get();
        boolean arrivalDue = d.expectedIn() != null && now.isAfter(d.expectedIn().plus(lateGrace));
        return Optional.of(d.beforeClosing(arrivalDue));
    }

    /** The open intervals with the leave taken out, in order. */
    static List<Interval> minus(List<Interval> open, List<Interval> leave) {
        List<Interval> remaining = new ArrayList<>(open);
        for (Interval off : leave) {
            List<Interval> next = new ArrayList<>();
            for (Interval w : remaining) {
                if (w.start().isBefore(off.start())) {
                    next.add(new Interval(w.start(), Times.earliest(w.end(), off.start())));
                }
                if (w.end().isAfter(off.end())) {
                    next.add(new Interval(Times.latest(w.start(), off.end()), w.end()));
                }
            }
            remaining = next;
        }
        return remaining;
    }

    private static Instant lastOut(List<Tap> sorted) {
        Instant last = null;
        for (Tap tap : sorted) {
            last = tap.in() ? last : tap.at();
        }
        return last;
    }

    /** No out after the last in: the staff member did not badge out (or came back and did not). */
    private static boolean missingOut(List<Tap> sorted) {
        return sorted.get(sorted.size() - 1).in();
    }

    private static List<String> anomalies(List<Tap> sorted) {
        List<String> found = new ArrayList<>();
        boolean anyIn = sorted.stream().anyMatch(Tap::in);
        if (!sorted.isEmpty() && !anyIn) {
            found.add(OUT_WITHOUT_IN);
        } else if (!sorted.isEmpty() && !sorted.get(0).in()) {
            found.add(OUT_BEFORE_IN);
        }
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).action() == sorted.get(i - 1).action()) {
                String code = sorted.get(i).in() ? REPEATED_IN : REPEATED_OUT;
                if (!found.contains(code)) {
                    found.add(code);
                }
            }
        }
        return found;
    }

    /** Whole minutes from a to b, a started minute counting as one. */
    private static int minutes(Instant a, Instant b) {
        long seconds = Duration.between(a, b).toSeconds();
        return (int) Math.max(1, (seconds + 59) / 60);
    }
}
