package org.sga.core.triage;

import java.util.Optional;
import org.sga.core.values.LowerCaseId;

/** When, against office hours, an eligible role is notified; the triage definition names it by its {@link #id()}. */
public enum Hours implements LowerCaseId {
    ANY,
    INSIDE,
    OUTSIDE;

    public boolean includes(boolean insideOfficeHours) {
        return this == ANY || (this == INSIDE) == insideOfficeHours;
    }

    static Optional<Hours> fromId(String id) {
        return LowerCaseId.fromId(Hours.class, id);
    }
}
