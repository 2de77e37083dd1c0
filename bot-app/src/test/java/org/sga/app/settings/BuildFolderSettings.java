package org.sga.app.settings;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.mock.env.MockEnvironment;

/** Settings for tests, bound as the tools bind theirs, with the data folder (and so the embedding cache) in the build folder. */
public final class BuildFolderSettings {

    /** {@code target/test-data}. */
    public static final Path DATA = buildFolder().resolve("test-data");

    private BuildFolderSettings() {
    }

    /** The defaults, but for the data folder. */
    public static Settings defaults() {
        return with(Map.of());
    }

    /** With {@code properties} (such as {@code sga.routing}) besides the build folder's data folder. */
    public static Settings with(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment().withProperty("sga.data.dir", DATA.toString());
        properties.forEach(environment::setProperty);
        return Settings.bind(environment);
    }

    private static Path buildFolder() {
        try {
            // target/test-classes, where this class was loaded from
            return Path.of(BuildFolderSettings.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
