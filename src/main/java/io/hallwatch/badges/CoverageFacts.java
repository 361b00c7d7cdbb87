package io.hallwatch.badges;

import java.util.Objects;

/** What {@link CoverageRule} needs to know of a window: its name and its A and B staff (B may be null). */
public record CoverageFacts(String windowId, String windowName, String staffA, String nameA, String staffB,
        String nameB) {

    /** Whether this staff member is the window's A or B. */
    public boolean covers(String staffId) {
        return staffId != null && (staffId.equals(staffA) || staffId.equals(staffB));
    }

    public String nameOf(String staffId) {
        return Objects.equals(staffId, staffA) ? nameA : Objects.equals(staffId, staffB) ? nameB : staffId;
    }
}
