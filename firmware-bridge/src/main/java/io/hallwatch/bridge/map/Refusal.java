package io.hallwatch.bridge.map;

/**
 * Thrown while mapping one vendor message that cannot become a whole contract message; its message
 * is the reason a person reads in the rejection counters (which field, what was wrong). It carries no
 * stack trace: it is an expected outcome, thrown for every bad message.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    Refusal(String reason) {
        super(reason, null, false, false);
    }
}
