package org.sga.app.store;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A second process that owns the embedded database as the running bot does: opens it, writes a row, says "open",
 * and keeps it open until its standard input closes.
 */
public final class HoldsEmbeddedStore {

    private HoldsEmbeddedStore() {
    }

    public static void main(String[] args) throws IOException {
        try (Store store = StoreFactory.openEmbedded(Path.of(args[0]), Clock.systemUTC())) {
            new JdbcTemplate(store.dataSource()).execute("CREATE TABLE IF NOT EXISTS held_by_another_process (n INT)");
            new JdbcTemplate(store.dataSource()).update("INSERT INTO held_by_another_process VALUES (42)");
            System.out.println("open");
            System.out.flush();
            while (System.in.read() >= 0) {
                // Held until the parent closes our input.
            }
        }
    }
}
