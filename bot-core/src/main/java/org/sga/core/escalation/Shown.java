package org.sga.core.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sga.core.triage.Role;

/** How the reporter is told who a role is and how to phone them: title, name where configured, number and hours. */
final class Shown {

    /** The roles as the reporter reads them in running text; the notices' titles are {@link RoleTitles}. */
    private static final Map<Role, String> NAMES = Map.of(
            Role.MANAGER, "line manager",
            Role.SAFEGUARDING_LEAD, "designated safeguarding lead",
            Role.OUT_OF_HOURS, "out-of-hours team",
            Role.ALLEGATIONS_OFFICER, "allegations officer",
            Role.GOVERNANCE_LEAD, "governance lead");

    private Shown() {
    }

    /** {@code designated safeguarding lead (Robin Example)}, or the name of the role alone. */
    static String role(RaisedEscalation.NotifiedRole role) {
        return NAMES.getOrDefault(role.role(), role.role().id())
                + role.contact().shownName().map(n -> " (" + n + ")").orElse("");
    }

    /** {@code the backup of the designated safeguarding lead (Kit Example)}. */
    static String backup(RaisedEscalation.NotifiedRole role) {
        return "the backup of the " + NAMES.getOrDefault(role.role(), role.role().id())
                + role.backupContact().shownName().map(n -> " (" + n + ")").orElse("");
    }

    /**
     * The numbers to phone for a role: {@code the designated safeguarding lead (Robin Example) on 01632 960001 (school
     * days)}, {@code the backup of the designated safeguarding lead (Kit Example) on 01632 960002}; empty when none is
     * configured.
     */
    static List<String> phones(RaisedEscalation.NotifiedRole role) {
        List<String> phones = new ArrayList<>();
        role.contact().shownPhone().ifPresent(p -> phones.add("the " + role(role) + " on " + p
                + role.contact().shownHours().map(h -> " (" + h + ")").orElse("")));
        role.backupContact().shownPhone().ifPresent(p -> phones.add(backup(role) + " on " + p));
        return phones;
    }

    /** {@code a, b and c}. */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
