package org.sga.app.store;

import java.util.function.Supplier;
import org.sga.core.store.UnitOfWork;

/** Transactions through Spring's transaction template; the JDBC ports called inside join them. */
final class JdbcUnitOfWork implements UnitOfWork {

    private final StoreContext context;

    JdbcUnitOfWork(StoreContext context) {
        this.context = context;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return context.inTransaction(work);
    }
}
