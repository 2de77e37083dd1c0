package org.sga.core.escalation;

import java.util.Objects;
import org.sga.core.values.Check;

/**
 * Someone acting on a platform: their id there and, where the platform has one, their id in the organisation's
 * directory (on Teams the Entra object id, the same for every app in the tenant). Either may be listed for a role.
 */
public record Actor(Platform platform, String userId, String directoryId) {

    public Actor {
        Objects.requireNonNull(platform, "platform");
        Check.text(userId, "userId", 255);
        directoryId = directoryId == null || directoryId.isBlank() ? null : directoryId;
    }

    public Actor(Platform platform, String userId) {
        this(platform, userId, null);
    }

    /** True when {@code id} names this person on their platform, by either of their ids. */
    boolean is(String id) {
        return id != null && (id.equals(userId) || id.equals(directoryId));
    }

    /** As recorded in acknowledgements and the audit trail: the same id can mean different people on two platforms. */
    String qualifiedId() {
        return platform.id() + ":" + userId;
    }
}
