package org.sga.core.triage;

import java.util.Arrays;
import java.util.Optional;

/** A role that can be notified of a triage outcome; ids as in {@code TRIAGE.md}. */
public enum Role {
    MANAGER("manager"),
    SAFEGUARDING_LEAD("safeguarding_lead"),
    OUT_OF_HOURS("out_of_hours"),
    ALLEGATIONS_OFFICER("allegations_officer"),
    GOVERNANCE_LEAD("governance_lead");

    private final String id;

    Role(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Role> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equals(id)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}
