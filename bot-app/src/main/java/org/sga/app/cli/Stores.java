package org.sga.app.cli;

import java.time.Clock;
import org.sga.app.settings.Settings;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;

/**
 * Opens the bot's store for a tool, the way the application does: the external database when
 * {@code spring.datasource.url} ({@code SPRING_DATASOURCE_URL}) is set, otherwise the embedded file database in the
 * data folder ({@code sga.data.dir}, {@code SGA_DATA_DIR}, default {@code ./data}).
 */
final class Stores {

    private Stores() {
    }

    static Store open(Settings settings, Clock clock) {
        var database = settings.database();
        return database.jdbcUrl()
                .map(url -> StoreFactory.open(url, database.username(), database.password(), 2, clock))
                .orElseGet(() -> StoreFactory.openEmbedded(settings.data().dir(), clock));
    }
}
