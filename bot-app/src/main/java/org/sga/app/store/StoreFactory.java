package org.sga.app.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the store from a {@code DataSource}, an embedded data directory or a JDBC URL, migrating the
 * schema first; no Spring context needed, so command-line tools such as {@code audit verify} start fast.
 */
public final class StoreFactory {

    /** The environment variable naming the data folder ({@code sga.data.dir}), as messages name it. */
    public static final String DATA_DIR_ENV = "SGA_DATA_DIR";
    /** The file name of the embedded database inside the data directory, without H2's {@code .mv.db}. */
    public static final String EMBEDDED_NAME = "sga";
    /** Two cores: a handful of connections keeps them busy without queueing in the database. */
    public static final int DEFAULT_POOL_SIZE = 5;

    private static final int H2_DATABASE_IN_USE = 90020;
    private static final int H2_READ_ONLY = 90097;
    private static final int STREAMING_FETCH_SIZE = 500;

    static {
        // The embedded database's own server (AUTO_SERVER, below) listens on loopback only: the operator tools on the
        // same machine reach it; nothing else does. A value set by the operator wins.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private StoreFactory() {
    }

    /**
     * The embedded H2 URL for a data directory. {@code WRITE_DELAY=0} writes each commit through, so an
     * escalation acknowledged as recorded survives the process being killed; {@code TRACE_LEVEL_FILE=0}
     * keeps H2 from writing statements (and so message text) to a trace file; the lock timeout lets
     * claimers and audit appends queue instead of failing under contention. {@code AUTO_SERVER} lets the operator
     * tools ({@code escalations}, {@code outbox}, {@code audit}, {@code unanswered}) open the database while the bot
     * runs: the first process serves it to the others over loopback, with a key kept in the data directory.
     */
    public static String embeddedUrl(Path dataDir) {
        Path base = dataDir.toAbsolutePath().normalize().resolve(EMBEDDED_NAME);
        return "jdbc:h2:file:" + base + ";LOCK_TIMEOUT=10000;WRITE_DELAY=0;TRACE_LEVEL_FILE=0;AUTO_SERVER=TRUE";
    }

    /** Opens (creating on first run) the embedded file database under {@code dataDir}. */
    public static Store openEmbedded(Path dataDir, Clock clock) {
        HikariDataSource pool = embeddedDataSource(dataDir);
        return open(pool, clock, location(pool.getJdbcUrl()), pool);
    }

    /**
     * Refuses a data folder with less than {@code minFreeBytes} free: a bot that starts on a full disk reports itself
     * ready and then cannot record the first escalation it is sent.
     *
     * @throws StoreOpenException naming the folder, what it has and what it needs
     */
    public static void requireRoom(Path dataDir, long minFreeBytes, DiskSpace disk) {
        Path folder = dataDir.toAbsolutePath().normalize();
        long free;
        try {
            Files.createDirectories(folder);
            free = disk.usableBytes(folder);
        } catch (IOException e) {
            throw new StoreOpenException("Cannot check the free space of the data folder " + folder + " ("
                    + e.getClass().getSimpleName() + "). Make it readable and writable by this user, or set "
                    + DATA_DIR_ENV + " to another folder.", e);
        }
        if (free < minFreeBytes) {
            throw new StoreOpenException("The data folder " + folder + " has " + megabytes(free) + " free; at least "
                    + megabytes(minFreeBytes) + " are needed to record escalations. Free space there, or set " + DATA_DIR_ENV
                    + " to a folder with room (SGA_DATA_MIN_FREE sets the minimum).");
        }
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
    }

    /** A pool over the embedded file database under {@code dataDir}, creating the directory if needed. */
    public static HikariDataSource embeddedDataSource(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new StoreOpenException("Cannot create the data directory " + dataDir.toAbsolutePath()
                    + " for the embedded database (" + e.getClass().getSimpleName() + "). Create it and make it"
                    + " writable by this user, or set " + DATA_DIR_ENV + " to a writable directory.", e);
        }
        String url = embeddedUrl(dataDir);
        // One process at a time owns the file; a few connections serve its workers and requests.
        return pooled(url, "sa", "", 4, location(url));
    }

    /** Opens a database by JDBC URL (PostgreSQL in production) with a pool the store owns. */
    public static Store open(String jdbcUrl, String user, String password, int poolSize, Clock clock) {
        String location = location(jdbcUrl);
        HikariDataSource pool = pooled(jdbcUrl, user, password, poolSize, location);
        return open(pool, clock, location, pool);
    }

    /** Opens the store over a data source the caller owns and closes. */
    public static Store open(DataSource dataSource, Clock clock) {
        String location = dataSource instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null
                ? location(hikari.getJdbcUrl())
                : "the configured database";
        return open(dataSource, clock, location, null);
    }

    /** For messages: the file of an embedded database, else the URL without its settings (which may hold a password). */
    public static String location(String jdbcUrl) {
        String withoutSettings = jdbcUrl.split("[;?]", 2)[0];
        String h2File = "jdbc:h2:file:";
        return withoutSettings.startsWith(h2File)
                ? withoutSettings.substring(h2File.length()) + ".mv.db"
                : withoutSettings;
    }

    /**
     * A connection pool; fails at once, with a message naming {@code location}, when it cannot connect.
     * Pass {@link #location(String)} of the URL, not the URL: it may carry a password.
     */
    public static HikariDataSource pooled(String jdbcUrl, String user, String password, int poolSize, String location) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(Objects.requireNonNull(jdbcUrl, "jdbcUrl"));
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName("sga-store");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw explain(e, location);
        }
    }

    private static Store open(DataSource dataSource, Clock clock, String location, AutoCloseable ownedPool) {
        Objects.requireNonNull(clock, "clock");
        try {
            Dialect dialect;
            try (Connection connection = dataSource.getConnection()) {
                dialect = Dialect.of(connection);
                if (dialect == Dialect.H2 && h2ReadOnly(connection)) {
                    throw readOnly(location, null);
                }
            } catch (SQLException e) {
                throw explain(e, location);
            }
            try {
                Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            } catch (RuntimeException e) {
                throw explain(e, location);
            }
            JdbcTemplate streaming = new JdbcTemplate(dataSource);
            // PostgreSQL streams with a cursor only inside a transaction and with a fetch size.
            streaming.setFetchSize(STREAMING_FETCH_SIZE);
            StoreContext context = new StoreContext(JdbcClient.create(dataSource), streaming,
                    new TransactionTemplate(new DataSourceTransactionManager(dataSource)), dialect, clock);
            return new Store(dataSource, context, ownedPool);
        } catch (RuntimeException e) {
            closeQuietly(ownedPool, e);
            throw e;
        }
    }

    private static boolean h2ReadOnly(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT READONLY()")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    /** Turns the database's error into one that says which database and what to do. */
    static StoreOpenException explain(Throwable failure, String location) {
        if (failure instanceof StoreOpenException known) {
            return known;
        }
        SQLException sql = sqlCause(failure);
        if (sql != null && sql.getErrorCode() == H2_DATABASE_IN_USE) {
            return new StoreOpenException("The embedded database " + location + " is in use by another process"
                    + " (is the bot, or another sga command, already running with this data directory?)."
                    + " Stop that process first, or set " + DATA_DIR_ENV + " to another directory.", failure);
        }
        if (sql != null && sql.getErrorCode() == H2_READ_ONLY) {
            return readOnly(location, failure);
        }
        String reason = sql != null ? sql.getMessage().strip().replaceAll("\\.+$", "") : failure.getClass().getSimpleName();
        return new StoreOpenException("Cannot open the database " + location + ": " + reason
                + ". Check that it exists, is reachable and writable by this user"
                + " (for the embedded database, that " + DATA_DIR_ENV + " names a writable directory).", failure);
    }

    private static StoreOpenException readOnly(String location, Throwable cause) {
        return new StoreOpenException("The database " + location + " is read-only. Make the file and its directory"
                + " writable by the user running the bot, or set " + DATA_DIR_ENV
                + " to a writable directory; escalations cannot be recorded otherwise.", cause);
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }

    private static void closeQuietly(AutoCloseable pool, RuntimeException failure) {
        if (pool == null) {
            return;
        }
        try {
            pool.close();
        } catch (Exception e) {
            failure.addSuppressed(e);
        }
    }
}
