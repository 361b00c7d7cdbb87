package io.hallwatch.workorders;

/** How urgent a work order is, lowest first; escalation moves an order up, never down. */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public Severity atLeast(Severity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
