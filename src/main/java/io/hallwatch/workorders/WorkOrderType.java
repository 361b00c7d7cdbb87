package io.hallwatch.workorders;

/**
 * The work-order types of contract section 5, each with the team that acts on it, the severity it
 * opens with, and its default deadlines in minutes: to be acknowledged, and to be resolved, after it
 * opens (a hall may set its own, see {@link OrderDeadlines}).
 */
public enum WorkOrderType {
    OFF_POST(Team.MANAGERS, Severity.HIGH, 10, 30),
    SIGN_FAULT(Team.OPS, Severity.MEDIUM, 30, 120),
    SIGN_OFFLINE(Team.OPS, Severity.MEDIUM, 30, 120),
    SIGN_MISMATCH(Team.MANAGERS, Severity.LOW, 30, 120),
    BIN_FULL(Team.CLEANING, Severity.MEDIUM, 15, 30),
    BIN_NOT_EMPTIED(Team.CLEANING, Severity.MEDIUM, 15, 30),
    SENSOR_OFFLINE(Team.OPS, Severity.MEDIUM, 60, 240),
    BATTERY_LOW(Team.OPS, Severity.LOW, 60, 240),
    ATTENDANCE(Team.MANAGERS, Severity.MEDIUM, 1440, 10080),
    UNKNOWN_CARD(Team.OPS, Severity.LOW, 60, 240);

    private final Team team;
    private final Severity severity;
    private final int acknowledgeMinutes;
    private final int resolveMinutes;

    WorkOrderType(Team team, Severity severity, int acknowledgeMinutes, int resolveMinutes) {
        this.team = team;
        this.severity = severity;
        this.acknowledgeMinutes = acknowledgeMinutes;
        this.resolveMinutes = resolveMinutes;
    }

    /** The default deadlines of this type, in minutes after the order opens. */
    public OrderDeadlines.Deadline defaultDeadline() {
        return new OrderDeadlines.Deadline(acknowledgeMinutes, resolveMinutes);
    }

    public Team team() {
        return team;
    }

    public Severity defaultSeverity() {
        return severity;
    }
}
