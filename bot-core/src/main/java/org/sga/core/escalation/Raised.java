package org.sga.core.escalation;

import java.util.List;
import org.sga.core.triage.Role;

/**
 * An escalation recorded for delivery: its reference and who it goes to, by when someone must acknowledge.
 *
 * @param routing the roles actually notified; a role routed but without a channel on the reporter's platform is not
 *     among them but in {@code undeliverable}
 * @param undeliverable roles that should have been notified but could not be reached on the reporter's platform:
 *     tell the reporter to contact them directly
 */
public record Raised(String reference, Routing routing, List<Role> undeliverable) {

    public Raised {
        undeliverable = List.copyOf(undeliverable);
    }

    public Raised(String reference, Routing routing) {
        this(reference, routing, List.of());
    }
}
