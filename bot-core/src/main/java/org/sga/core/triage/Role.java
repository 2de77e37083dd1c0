package org.sga.core.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** A role that can be notified of a triage outcome; ids as in {@code TRIAGE.md}. */
public enum Role {
    MANAGER,
    SAFEGUARDING_LEAD,
    OUT_OF_HOURS,
    ALLEGATIONS_OFFICER,
    GOVERNANCE_LEAD;

    /** How {@code TRIAGE.md}, the triage definition and the routing name the role: the constant's name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id();
    }
}
