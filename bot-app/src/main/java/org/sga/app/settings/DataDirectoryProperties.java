package org.sga.app.settings;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Where the embedded database lives and how its storage is watched ({@code sga.data.*}).
 *
 * @param dir           {@code SGA_DATA_DIR}: the folder of the embedded database and of the embedding cache
 * @param minFree       {@code SGA_DATA_MIN_FREE}: below this much free space in that folder the bot does not start,
 *                      and a running one reports itself not ready; room for a day of escalations and the database's
 *                      own housekeeping, which needs free space to compact
 * @param checkInterval how often the storage is checked in the background (health and readiness check it too)
 */
public record DataDirectoryProperties(@DefaultValue("data") Path dir, @DefaultValue("64MB") DataSize minFree,
                                      @DefaultValue("10s") Duration checkInterval) {
}
