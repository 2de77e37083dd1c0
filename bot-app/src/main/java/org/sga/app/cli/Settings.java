package org.sga.app.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.sga.core.escalation.RoutingConfig;

/** Settings read from the environment for the tools and the application alike. */
public final class Settings {

    /** The environment variable naming the routing file. */
    public static final String ROUTING = "SGA_ROUTING";

    private Settings() {
    }

    /** The routing file named by {@code SGA_ROUTING}, or the built-in default that routes everything to the console. */
    public static RoutingConfig routing() {
        return routingFile().map(path -> RoutingConfig.load(Path.of(path))).orElseGet(RoutingConfig::defaults);
    }

    /** The path {@code SGA_ROUTING} names; empty when it is not set. */
    public static Optional<String> routingFile() {
        return Optional.ofNullable(System.getenv(ROUTING)).filter(p -> !p.isBlank());
    }
}
