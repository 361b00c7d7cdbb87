package io.hallwatch.badges;

/**
 * One staff member's finalised days of one calendar year: days late, days left early and days absent.
 * A day both late and early counts once in each, so twice towards {@link #lateOrEarly()}.
 */
public record YearTally(String staffId, String name, int year, int late, int early, int absent) {

    public int lateOrEarly() {
        return late + early;
    }
}
