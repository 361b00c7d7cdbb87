package io.hallwatch.workorders;

/** Statuses of contract section 5; AUTO_RESOLVED means closed by sensor evidence. */
public enum WorkOrderStatus {
    OPEN, ACKNOWLEDGED, RESOLVED, AUTO_RESOLVED;

    public boolean isOpen() {
        return this == OPEN || this == ACKNOWLEDGED;
    }
}
