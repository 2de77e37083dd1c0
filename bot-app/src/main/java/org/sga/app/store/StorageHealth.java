package org.sga.app.store;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether this instance can record escalations now: the embedded database's folder has at least the minimum free space,
 * and the database takes a write (a probe row written, committed and deleted). Named {@code storage} in health and part
 * of readiness: DOWN when either fails, so the load balancer sends people to an instance that can record, and the bot
 * tells anyone who still reaches this one that it cannot.
 *
 * <p>When the write fails, the pool's connections are replaced: H2 closes its database on a full disk and the pool would
 * otherwise hand out the dead connections for ever. A new connection reopens the database once there is room again, so
 * the instance recovers without a restart. Checked in the background as well as on each health request, so that
 * recovery does not wait for someone to ask.
 */
public final class StorageHealth implements HealthIndicator, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StorageHealth.class);
    private static final String PROBE_SOURCE = "storage-probe";

    private final DataSource dataSource;
    private final Optional<Path> dataDir;
    private final long minFreeBytes;
    private final DiskSpace disk;
    private final Clock clock;
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService background;
    private volatile boolean wasDown;

    /**
     * @param dataDir the embedded database's folder; empty for a database elsewhere (PostgreSQL), whose disk is its own
     *                server's to watch
     */
    public StorageHealth(DataSource dataSource, Optional<Path> dataDir, long minFreeBytes, DiskSpace disk, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.dataDir = Objects.requireNonNull(dataDir, "dataDir");
        this.minFreeBytes = minFreeBytes;
        this.disk = Objects.requireNonNull(disk, "disk");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Checks every {@code interval} on a thread of its own until closed. */
    public synchronized StorageHealth watchEvery(Duration interval) {
        if (background == null) {
            background = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "storage-watch");
                t.setDaemon(true);
                return t;
            });
            background.scheduleWithFixedDelay(this::health, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
        return this;
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        String diskProblem = checkDisk(details);
        String databaseProblem = checkDatabase();
        details.put("database", databaseProblem == null ? "takes writes" : "cannot write: " + databaseProblem);
        boolean down = diskProblem != null || databaseProblem != null;
        if (down && !wasDown) {
            LOG.error("Storage cannot take writes ({}): escalations cannot be recorded on this instance, which is not ready;"
                    + " people who reach it are told to phone instead", diskProblem != null ? diskProblem : databaseProblem);
        } else if (!down && wasDown) {
            LOG.info("Storage takes writes again; this instance is ready");
        }
        wasDown = down;
        return (down ? Health.down() : Health.up()).withDetails(details).build();
    }

    private String checkDisk(Map<String, Object> details) {
        if (dataDir.isEmpty()) {
            return null;
        }
        Path folder = dataDir.get().toAbsolutePath().normalize();
        details.put("folder", folder.toString());
        details.put("minFreeBytes", minFreeBytes);
        try {
            long free = disk.usableBytes(folder);
            details.put("freeBytes", free);
            return free < minFreeBytes ? "the data folder " + folder + " has " + free + " bytes free, below " + minFreeBytes : null;
        } catch (IOException | RuntimeException e) {
            details.put("freeBytes", "unknown");
            return "the data folder " + folder + " cannot be read (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Null when a probe row could be written and removed; otherwise the database's error code, never its message. */
    private String checkDatabase() {
        String id = instance + "-" + System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO processed_event (source, event_id, seen_at) VALUES (?, ?, ?)");
                 PreparedStatement delete = connection.prepareStatement(
                         "DELETE FROM processed_event WHERE source = ? AND event_id = ?")) {
                insert.setString(1, PROBE_SOURCE);
                insert.setString(2, id);
                insert.setObject(3, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
                insert.executeUpdate();
                connection.commit();
                delete.setString(1, PROBE_SOURCE);
                delete.setString(2, id);
                delete.executeUpdate();
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
            return null;
        } catch (SQLException | RuntimeException e) {
            replaceConnections();
            return e instanceof SQLException sql ? "SQLState " + sql.getSQLState() + ", code " + sql.getErrorCode()
                    : e.getClass().getSimpleName();
        }
    }

    private void replaceConnections() {
        if (dataSource instanceof HikariDataSource hikari && hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    @Override
    public synchronized void close() {
        if (background != null) {
            background.shutdownNow();
            background = null;
        }
    }
}
