package org.sga.core.escalation;

import java.util.List;
import org.sga.core.triage.Role;

/**
 * An escalation recorded for delivery: its reference and who it goes to, by when someone must acknowledge.
 *
 * @param routing every role routed, with its channel, backup, names and phone numbers
 * @param undeliverable roles routed that have no channel on a connected platform, so their first notice could not be
 *     queued: the reporter is told to phone them
 * @param backupInstead the undeliverable roles whose backup is being notified instead, at once
 */
public record Raised(String reference, Routing routing, List<Role> undeliverable, List<Role> backupInstead) {

    public Raised {
        undeliverable = List.copyOf(undeliverable);
        backupInstead = List.copyOf(backupInstead);
    }

    public Raised(String reference, Routing routing, List<Role> undeliverable) {
        this(reference, routing, undeliverable, List.of());
    }

    public Raised(String reference, Routing routing) {
        this(reference, routing, List.of());
    }

    /** The roles whose own channel is being notified. */
    public List<RoutedRole> notified() {
        return routing.roles().stream().filter(r -> !undeliverable.contains(r.role())).toList();
    }
}
