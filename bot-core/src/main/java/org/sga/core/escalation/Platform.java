package org.sga.core.escalation;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A chat platform a channel or user belongs to. */
public enum Platform {
    SLACK,
    TEAMS,
    CONSOLE;

    /** How settings, routing and records name the platform: the constant's name in lower case, e.g. {@code slack}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Platform> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id().equals(id)).findFirst();
    }
}
