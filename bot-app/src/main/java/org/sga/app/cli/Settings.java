package org.sga.app.cli;

import java.nio.file.Path;
import org.sga.core.escalation.RoutingConfig;

/** Settings read from the environment for the tools and the application alike. */
public final class Settings {

    private Settings() {
    }

    /** The routing file named by {@code SGA_ROUTING}, or the built-in default that routes everything to the console. */
    public static RoutingConfig routing() {
        String path = System.getenv("SGA_ROUTING");
        return path == null || path.isBlank() ? RoutingConfig.defaults() : RoutingConfig.load(Path.of(path));
    }
}
