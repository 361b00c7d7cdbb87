package io.hallwatch.platform;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.function.IntConsumer;

/** In-memory work that must wait for the current transaction to end: what it wrote is then visible, or gone. */
public final class TransactionEnd {

    private TransactionEnd() {
    }

    /** Runs {@code action} once the current transaction has committed; not after a rollback. */
    public static void onCommit(TransactionSynchronizationRegistry transactions, Runnable action) {
        register(transactions, status -> {
            if (status == Status.STATUS_COMMITTED) {
                action.run();
            }
        });
    }

    /** Runs {@code action} once the current transaction has ended, committed or rolled back. */
    public static void onEnd(TransactionSynchronizationRegistry transactions, Runnable action) {
        register(transactions, status -> action.run());
    }

    private static void register(TransactionSynchronizationRegistry transactions, IntConsumer afterCompletion) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before the commit.
            }

            @Override
            public void afterCompletion(int status) {
                afterCompletion.accept(status);
            }
        });
    }
}
