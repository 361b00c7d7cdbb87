package io.hallwatch.calendar;

/** Why a day of a hall or window has the hours it has, in order of the rule that decided it. */
public enum DayKind {
    /** An ordinary day with the weekly hours of its weekday. */
    REGULAR,
    /** An ordinary day on whose weekday the hall or window does not open. */
    WEEKLY_CLOSED,
    /** A public holiday (法定节假日 or a day off moved into its span): closed. */
    PUBLIC_HOLIDAY,
    /** A make-up workday (调休上班): open with the hours of the first weekday the hall regularly opens. */
    MAKE_UP_WORKDAY,
    /** Closed by a hall-specific day (maintenance, a local closure). */
    HALL_CLOSED,
    /** Opened by a hall-specific day (an extra service day, extended or shorter hours). */
    HALL_OPEN,
    /** The hall or window is always open; holidays and hall days do not apply. */
    ALWAYS_OPEN
}
