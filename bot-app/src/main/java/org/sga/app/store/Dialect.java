package org.sga.app.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The few places where H2 and PostgreSQL need different SQL; the schema itself is the same. */
enum Dialect {

    H2("H2"),
    POSTGRESQL("PostgreSQL");

    private final String productName;

    Dialect(String productName) {
        this.productName = productName;
    }

    static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        String lower = product.toLowerCase(Locale.ROOT);
        if (lower.contains("h2")) {
            return H2;
        }
        if (lower.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new StoreOpenException("Unsupported database '" + product
                + "': the store runs on the embedded H2 database or on PostgreSQL.");
    }

    String productName() {
        return productName;
    }

    /**
     * PostgreSQL aborts the whole transaction on a unique violation, so a duplicate must not be attempted
     * there; H2 fails only the statement, and H2 has no ON CONFLICT outside its PostgreSQL mode.
     */
    boolean hasOnConflict() {
        return this == POSTGRESQL;
    }

    /**
     * PostgreSQL skips rows that another claimer has locked. H2 applies LIMIT before SKIP LOCKED, which
     * would hand a second claimer nothing, so H2 claimers take turns on a lock row instead.
     */
    boolean claimsWithSkipLocked() {
        return this == POSTGRESQL;
    }
}
