package io.hallwatch.badges;

import java.time.Instant;

/** What {@link AttendanceRules} remembers of a hall: the last closing time whose day it finalised. */
public class AttendanceState {

    /** The last closing finalised, or when the hall's attendance rules started; the next is the first after it. */
    public Instant checkedThrough;
}
