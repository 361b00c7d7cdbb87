package io.hallwatch.rules;

import java.time.Instant;

/**
 * A feature's bridge between its plain-Java rule and the engine: called by the scheduler tick for a
 * subject whose state is due, inside a transaction holding the hall's lock.
 */
public interface RuleRunner {

    /** The rule name its states are stored under. */
    String rule();

    void onDue(HallContext hall, String subject, Instant now);

    /** Whether the rule's subjects are device ids, whose states go when a device id is provisioned anew. */
    default boolean keyedByDevice() {
        return false;
    }
}
