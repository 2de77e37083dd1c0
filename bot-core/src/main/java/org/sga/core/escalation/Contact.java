package org.sga.core.escalation;

import java.util.Optional;

/**
 * How people are named and phoned for a role or its backup, as the routing configuration gives it; each part may be
 * missing. The reporter is shown these, to phone if nobody acknowledges. {@code hours} is shown, never used for routing.
 *
 * @param name a person's or team's name, e.g. {@code Alex Example}
 * @param phone a phone number, already checked to be one
 * @param hours when the phone is answered, in the words of the configuration
 */
public record Contact(String name, String phone, String hours) {

    /** Nothing configured. */
    public static final Contact NONE = new Contact(null, null, null);

    public Optional<String> shownName() {
        return Optional.ofNullable(name).filter(n -> !n.isBlank());
    }

    public Optional<String> shownPhone() {
        return Optional.ofNullable(phone).filter(p -> !p.isBlank());
    }

    public Optional<String> shownHours() {
        return Optional.ofNullable(hours).filter(h -> !h.isBlank());
    }
}
