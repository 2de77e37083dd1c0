package org.sga.core.store;

import java.util.function.Supplier;

/** Runs work in one transaction: every port call made inside it commits together or rolls back together. */
@FunctionalInterface
public interface UnitOfWork {

    /**
     * Runs {@code work} in a transaction, joining one already open on this thread.
     * An exception thrown by {@code work} rolls everything back and is rethrown.
     */
    <T> T inTransaction(Supplier<T> work);

    /** As {@link #inTransaction(Supplier)}, for work without a result. */
    default void run(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
