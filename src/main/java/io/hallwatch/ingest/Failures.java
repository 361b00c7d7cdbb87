package io.hallwatch.ingest;

import jakarta.persistence.OptimisticLockException;
import java.sql.SQLException;
import org.hibernate.StaleStateException;

/**
 * Tells failures that pass (the database is down or busy, a row changed under us) from failures that
 * would repeat for the same message (a bug, a value the database refuses).
 */
final class Failures {

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                // No state: pool timeouts and lost connections. 08 connection, 40 rollback (deadlock,
                // serialization), 53 insufficient resources, 57 operator intervention (shutdown), and
                // H2's HYT00 lock timeout (the rule tick held the hall's row).
                return state == null || state.startsWith("08") || state.startsWith("40")
                        || state.startsWith("53") || state.startsWith("57") || state.equals("HYT00");
            }
        }
        return false;
    }
}
