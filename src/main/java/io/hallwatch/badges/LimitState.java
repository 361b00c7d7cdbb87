package io.hallwatch.badges;

import java.util.ArrayList;
import java.util.List;

/**
 * What {@link AttendanceLimits} remembers of one staff member: the thresholds already reported, as
 * {@code "2026:LATE_OR_EARLY"} or {@code "2026:ABSENT"}, so that each opens or notes an order once a year.
 */
public class LimitState {

    public List<String> reported = new ArrayList<>();
}
