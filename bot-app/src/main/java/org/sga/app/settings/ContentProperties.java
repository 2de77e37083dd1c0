package org.sga.app.settings;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the content comes from ({@code sga.content.*}).
 *
 * @param dir {@code SGA_CONTENT_DIR}: a folder of content served instead of the shipped one; unset, the jar's
 */
public record ContentProperties(Path dir) {

    /** The folder, when one is set and not blank. */
    public Optional<Path> folder() {
        return Optional.ofNullable(dir).filter(d -> !d.toString().isBlank());
    }
}
