package io.hallwatch.badges;

import java.time.Instant;

/** What {@link CoverageRule} remembers of one window, stored as JSON between checks and across restarts. */
public class CoverageState {

    /** The last check time judged (or when the rule first looked); the next check is the first after it. */
    public Instant checkedThrough;
    /** When the next check is due. */
    public Instant nextCheck;
    /** Whether this rule opened the window's ATTENDANCE order and has not seen A or B badge in since. */
    public boolean open;
    /** The check time at which it was (last) found unstaffed. */
    public Instant openedAt;
}
