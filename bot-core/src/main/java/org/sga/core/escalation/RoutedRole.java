package org.sga.core.escalation;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sga.core.triage.Role;

/**
 * A role to notify, where, the backup to use if nobody acknowledges in time, who may acknowledge per platform
 * (empty: anyone who sees the message), and the names and phone numbers the reporter is shown for the role and its
 * backup. A channel is empty only if every target of it was withheld.
 */
public record RoutedRole(Role role, Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers,
        Contact contact, Contact backupContact) {

    public RoutedRole {
        acknowledgers = Map.copyOf(acknowledgers);
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(backupContact, "backupContact");
    }

    /** With no names or phone numbers. */
    public RoutedRole(Role role, Channel channel, Channel backup, Map<Platform, Set<String>> acknowledgers) {
        this(role, channel, backup, acknowledgers, Contact.NONE, Contact.NONE);
    }
}
