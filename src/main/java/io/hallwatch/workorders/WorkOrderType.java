package io.hallwatch.workorders;

/**
 * The work-order types of contract section 5, each with the team that acts on it and the severity it
 * opens with.
 */
public enum WorkOrderType {
    OFF_POST(Team.MANAGERS, Severity.HIGH),
    SIGN_FAULT(Team.OPS, Severity.MEDIUM),
    SIGN_OFFLINE(Team.OPS, Severity.MEDIUM),
    SIGN_MISMATCH(Team.MANAGERS, Severity.LOW),
    BIN_FULL(Team.CLEANING, Severity.MEDIUM),
    BIN_NOT_EMPTIED(Team.CLEANING, Severity.MEDIUM),
    SENSOR_OFFLINE(Team.OPS, Severity.MEDIUM),
    BATTERY_LOW(Team.OPS, Severity.LOW),
    ATTENDANCE(Team.MANAGERS, Severity.MEDIUM),
    UNKNOWN_CARD(Team.OPS, Severity.LOW);

    private final Team team;
    private final Severity severity;

    WorkOrderType(Team team, Severity severity) {
        this.team = team;
        this.severity = severity;
    }

    public Team team() {
        return team;
    }

    public Severity defaultSeverity() {
        return severity;
    }
}
