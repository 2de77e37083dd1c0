package org.sga.core.triage;

import java.util.Arrays;
import java.util.Optional;

/** When, against office hours, an eligible role is notified. */
public enum Hours {
    ANY("any"),
    INSIDE("inside"),
    OUTSIDE("outside");

    private final String id;

    Hours(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public boolean includes(boolean insideOfficeHours) {
        return this == ANY || (this == INSIDE) == insideOfficeHours;
    }

    static Optional<Hours> fromId(String id) {
        return Arrays.stream(values()).filter(h -> h.id.equals(id)).findFirst();
    }
}
