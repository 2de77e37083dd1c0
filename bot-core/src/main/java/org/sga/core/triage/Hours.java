package org.sga.core.triage;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** When, against office hours, an eligible role is notified. */
public enum Hours {
    ANY,
    INSIDE,
    OUTSIDE;

    /** How the triage definition names it: the constant's name in lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean includes(boolean insideOfficeHours) {
        return this == ANY || (this == INSIDE) == insideOfficeHours;
    }

    static Optional<Hours> fromId(String id) {
        return Arrays.stream(values()).filter(h -> h.id().equals(id)).findFirst();
    }
}
