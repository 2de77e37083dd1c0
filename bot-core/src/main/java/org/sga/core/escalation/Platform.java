package org.sga.core.escalation;

import java.util.Arrays;
import java.util.Optional;

/** A chat platform a channel or user belongs to. */
public enum Platform {
    SLACK("slack"),
    TEAMS("teams"),
    CONSOLE("console");

    private final String id;

    Platform(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Platform> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
