package io.hallwatch.halls;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A hall's rule thresholds; every field is optional in requests and takes the default named here.
 * Durations are in seconds, fill and battery levels in percent.
 *
 * @param offPostGraceSeconds      vacant window without a pause sign before OFF_POST (900)
 * @param maxPauseSeconds          longest pause while the sign shows "paused" (1800)
 * @param returnDebounceSeconds    occupied this long before a return counts (30)
 * @param signageHeartbeatSeconds  interval a sign publishes at least once in (60)
 * @param signageOfflineTolerance  missed heartbeats before SIGN_OFFLINE (2)
 * @param signMismatchSeconds      sign contradicting the window before SIGN_MISMATCH (300)
 * @param sensorSilenceSeconds     silence after which a presence or bin sensor has failed (600)
 * @param binFullPercent           BIN_FULL at or above this fill (66.7)
 * @param binCriticalPercent       BIN_FULL escalates at or above this fill (90)
 * @param binHysteresisPoints      fill must drop this far below full to count as emptied (15)
 * @param binNotEmptiedMinPercent  fill above which an unemptied bin at closing is BIN_NOT_EMPTIED (10)
 * @param batteryLowPercent        BATTERY_LOW below this level (20)
 * @param lateGraceSeconds         first badge-in this long after opening is still on time (0)
 * @param earlyLeaveGraceSeconds   last badge-out this long before closing is still on time (0)
 * @param reopenWindowSeconds      a condition returning within this re-opens the same order (300)
 * @param lateOrEarlyYearLimit     late arrivals plus early leaves in a year that open ATTENDANCE (30)
 * @param absentDaysYearLimit      days of absence in a year that open ATTENDANCE (5)
 */
public record RuleSettings(
        Integer offPostGraceSeconds,
        Integer maxPauseSeconds,
        Integer returnDebounceSeconds,
        Integer signageHeartbeatSeconds,
        Integer signageOfflineTolerance,
        Integer signMismatchSeconds,
        Integer sensorSilenceSeconds,
        Double binFullPercent,
        Double binCriticalPercent,
        Double binHysteresisPoints,
        Double binNotEmptiedMinPercent,
        Double batteryLowPercent,
        Integer lateGraceSeconds,
        Integer earlyLeaveGraceSeconds,
        Integer reopenWindowSeconds,
        Integer lateOrEarlyYearLimit,
        Integer absentDaysYearLimit) {

    private static final RuleSettings DEFAULTS = new RuleSettings(900, 1800, 30, 60, 2, 300, 600,
            66.7, 90.0, 15.0, 10.0, 20.0, 0, 0, 300, 30, 5);

    public static RuleSettings defaults() {
        return DEFAULTS;
    }

    /** These settings with every missing value taken from the defaults. */
    public RuleSettings withDefaults() {
        RuleSettings d = DEFAULTS;
        return new RuleSettings(
                or(offPostGraceSeconds, d.offPostGraceSeconds), or(maxPauseSeconds, d.maxPauseSeconds),
                or(returnDebounceSeconds, d.returnDebounceSeconds),
                or(signageHeartbeatSeconds, d.signageHeartbeatSeconds),
                or(signageOfflineTolerance, d.signageOfflineTolerance),
                or(signMismatchSeconds, d.signMismatchSeconds), or(sensorSilenceSeconds, d.sensorSilenceSeconds),
                or(binFullPercent, d.binFullPercent), or(binCriticalPercent, d.binCriticalPercent),
                or(binHysteresisPoints, d.binHysteresisPoints), or(binNotEmptiedMinPercent, d.binNotEmptiedMinPercent),
                or(batteryLowPercent, d.batteryLowPercent), or(lateGraceSeconds, d.lateGraceSeconds),
                or(earlyLeaveGraceSeconds, d.earlyLeaveGraceSeconds), or(reopenWindowSeconds, d.reopenWindowSeconds),
                or(lateOrEarlyYearLimit, d.lateOrEarlyYearLimit), or(absentDaysYearLimit, d.absentDaysYearLimit));
    }

    /** What is wrong with complete settings (see {@link #withDefaults()}); empty when usable. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        positive(problems, "offPostGraceSeconds", offPostGraceSeconds);
        positive(problems, "maxPauseSeconds", maxPauseSeconds);
        atLeastZero(problems, "returnDebounceSeconds", returnDebounceSeconds);
        positive(problems, "signageHeartbeatSeconds", signageHeartbeatSeconds);
        positive(problems, "signageOfflineTolerance", signageOfflineTolerance);
        positive(problems, "signMismatchSeconds", signMismatchSeconds);
        positive(problems, "sensorSilenceSeconds", sensorSilenceSeconds);
        percent(problems, "binFullPercent", binFullPercent);
        percent(problems, "binCriticalPercent", binCriticalPercent);
        percent(problems, "binHysteresisPoints", binHysteresisPoints);
        percent(problems, "binNotEmptiedMinPercent", binNotEmptiedMinPercent);
        percent(problems, "batteryLowPercent", batteryLowPercent);
        atLeastZero(problems, "lateGraceSeconds", lateGraceSeconds);
        atLeastZero(problems, "earlyLeaveGraceSeconds", earlyLeaveGraceSeconds);
        atLeastZero(problems, "reopenWindowSeconds", reopenWindowSeconds);
        positive(problems, "lateOrEarlyYearLimit", lateOrEarlyYearLimit);
        positive(problems, "absentDaysYearLimit", absentDaysYearLimit);
        if (problems.isEmpty() && binCriticalPercent < binFullPercent) {
            problems.add("rules.binCriticalPercent must not be below rules.binFullPercent");
        }
        return problems;
    }

    private static void positive(List<String> problems, String name, Integer value) {
        if (value <= 0) {
            problems.add("rules." + name + " must be greater than 0");
        }
    }

    private static void atLeastZero(List<String> problems, String name, Integer value) {
        if (value < 0) {
            problems.add("rules." + name + " must not be negative");
        }
    }

    private static void percent(List<String> problems, String name, Double value) {
        if (!(value >= 0 && value <= 100)) {
            problems.add("rules." + name + " must be between 0 and 100");
        }
    }

    private static <T> T or(T value, T fallback) {
        return Objects.requireNonNullElse(value, fallback);
    }
}
