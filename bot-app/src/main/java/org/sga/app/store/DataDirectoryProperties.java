package org.sga.app.store;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the embedded database lives: {@code sga.data.dir}, i.e. the {@code SGA_DATA_DIR} environment variable. */
@ConfigurationProperties("sga.data")
public record DataDirectoryProperties(@DefaultValue("data") Path dir) {
}
