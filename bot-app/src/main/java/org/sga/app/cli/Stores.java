package org.sga.app.cli;

import java.time.Clock;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;

/**
 * Opens the bot's store for a tool, the way the application does: PostgreSQL when {@code SPRING_DATASOURCE_URL} is
 * set (with {@code SPRING_DATASOURCE_USERNAME} and {@code _PASSWORD}), otherwise the embedded file database under
 * {@code SGA_DATA_DIR} (default {@code ./data}).
 */
final class Stores {

    private Stores() {
    }

    static Store open() {
        String url = System.getenv("SPRING_DATASOURCE_URL");
        if (url != null && !url.isBlank()) {
            return StoreFactory.open(url, System.getenv("SPRING_DATASOURCE_USERNAME"), System.getenv("SPRING_DATASOURCE_PASSWORD"),
                    2, Clock.systemUTC());
        }
        return StoreFactory.openEmbedded(StoreFactory.defaultDataDir(), Clock.systemUTC());
    }
}
