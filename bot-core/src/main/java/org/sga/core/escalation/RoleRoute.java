package org.sga.core.escalation;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How a team reaches one role: its channel, the backup used when nobody acknowledges in time, who may acknowledge
 * per platform (empty: anyone who sees the message), and the names and phone numbers shown to the reporter for the
 * role and its backup.
 */
public record RoleRoute(Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers, Contact contact,
        Contact backupContact) {

    public RoleRoute {
        acknowledgers = Map.copyOf(acknowledgers);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(backupContact, "backupContact");
    }

    /** A route with no names or phone numbers. */
    public RoleRoute(Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers) {
        this(channel, backup, acknowledgers, Contact.NONE, Contact.NONE);
    }
}
