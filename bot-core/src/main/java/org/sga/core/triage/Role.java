package org.sga.core.triage;

import java.util.Optional;
import org.sga.core.values.LowerCaseId;

/**
 * A role that can be notified of a triage outcome; {@code TRIAGE.md}, the triage definition and the routing name it by
 * its {@link #id()}.
 */
public enum Role implements LowerCaseId {
    MANAGER,
    SAFEGUARDING_LEAD,
    OUT_OF_HOURS,
    ALLEGATIONS_OFFICER,
    GOVERNANCE_LEAD;

    public static Optional<Role> fromId(String id) {
        return LowerCaseId.fromId(Role.class, id);
    }

    @Override
    public String toString() {
        return id();
    }
}
