package org.sga.core.escalation;

import java.util.Optional;
import org.sga.core.values.LowerCaseId;

/** A chat platform a channel or user belongs to; settings, routing and records name it by its {@link #id()}. */
public enum Platform implements LowerCaseId {
    SLACK,
    TEAMS,
    CONSOLE;

    public static Optional<Platform> fromId(String id) {
        return LowerCaseId.fromId(Platform.class, id);
    }
}
