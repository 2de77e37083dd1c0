package org.sga.app.store;

import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** What every store class shares: the JDBC client, transactions, the dialect and the clock. */
record StoreContext(
        JdbcClient jdbc, JdbcTemplate streaming, TransactionTemplate transactions, Dialect dialect, Clock clock) {

    /** Runs in the current transaction, or a new one: several statements that must land together. */
    <T> T inTransaction(Supplier<T> work) {
        return transactions.execute(status -> work.get());
    }

    /**
     * Runs in a new transaction in which every statement sees the same snapshot, so a reader of several tables (the
     * audit checkpoints, then the records) does not see half of a purge that commits in between. PostgreSQL gives that
     * at REPEATABLE READ; H2's REPEATABLE READ still shows rows deleted after the first statement as gone, its
     * SERIALIZABLE does not.
     */
    <T> T inSnapshot(Supplier<T> work) {
        TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        snapshot.setIsolationLevel(dialect == Dialect.POSTGRESQL
                ? TransactionDefinition.ISOLATION_REPEATABLE_READ
                : TransactionDefinition.ISOLATION_SERIALIZABLE);
        return snapshot.execute(status -> work.get());
    }

    /**
     * The claim query {@code select} with what keeps two claimers off the same rows: on PostgreSQL
     * {@code skipLockedClause}, on H2 (see {@link Dialect#claimsWithSkipLocked}) a turn on the lock row {@code lockName},
     * taken here and held until the transaction ends.
     */
    /**
     * Claims at most {@code max} rows for {@code workerId} in one transaction: {@code claim} is given the claim query
     * (see {@link #claimQuery}) of {@code select}, limited to {@code max} rows, and leases what it finds. Nothing is
     * claimed when {@code max} is below 1.
     */
    <T> List<T> claim(String workerId, int max, String select, String skipLockedClause, String lockName,
            Function<String, List<T>> claim) {
        Objects.requireNonNull(workerId, "workerId");
        if (max < 1) {
            return List.of();
        }
        return inTransaction(() -> claim.apply(
                claimQuery(select + " FETCH FIRST " + max + " ROWS ONLY", skipLockedClause, lockName)));
    }

    String claimQuery(String select, String skipLockedClause, String lockName) {
        if (dialect.claimsWithSkipLocked()) {
            return select + skipLockedClause;
        }
        takeTurn(lockName);
        return select;
    }

    /** Waits for the {@code store_lock} row {@code lockName} and holds it until the transaction ends. */
    void takeTurn(String lockName) {
        jdbc.sql("SELECT name FROM store_lock WHERE name = ? FOR UPDATE").param(lockName).query(String.class).single();
    }

    /** Databases keep microseconds; truncating here makes what is read back equal what was written. */
    static SqlParameterValue time(Instant instant) {
        OffsetDateTime value = instant == null
                ? null
                : OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
        return new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, value);
    }

    static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Inserts unless the primary or unique key exists; returns whether a row was inserted. The statement
     * is written without a conflict clause; PostgreSQL gets {@code ON CONFLICT DO NOTHING} appended.
     */
    boolean insertUnlessPresent(String insertSql, Object... params) {
        if (dialect.hasOnConflict()) {
            return jdbc.sql(insertSql + " ON CONFLICT DO NOTHING").params(params).update() == 1;
        }
        try {
            return jdbc.sql(insertSql).params(params).update() == 1;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** "?, ?, ?" for an IN list of {@code count} parameters. */
    static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static Object[] concat(List<?> first, Object... rest) {
        Object[] all = new Object[first.size() + rest.length];
        for (int i = 0; i < first.size(); i++) {
            all[i] = first.get(i);
        }
        System.arraycopy(rest, 0, all, first.size(), rest.length);
        return all;
    }
}
