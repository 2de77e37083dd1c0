package org.sga.core.escalation;

import java.util.ArrayList;
import java.util.List;

/** How the reporter is told who a role is and how to phone them: title, name where configured, number and hours. */
final class Shown {

    private Shown() {
    }

    /** {@code Designated safeguarding lead (Alex Example)}, or the title alone. */
    static String role(RaisedEscalation.NotifiedRole role) {
        return RoleTitles.of(role.role()) + role.contact().shownName().map(n -> " (" + n + ")").orElse("");
    }

    /** {@code the backup of the designated safeguarding lead (Sam Example)}. */
    static String backup(RaisedEscalation.NotifiedRole role) {
        return "the backup of the " + lowerFirst(RoleTitles.of(role.role()))
                + role.backupContact().shownName().map(n -> " (" + n + ")").orElse("");
    }

    /**
     * The numbers to phone for a role: {@code Designated safeguarding lead (Alex Example) 01632 960001 (school days);
     * their backup (Sam Example) 01632 960002}; empty when none is configured.
     */
    static List<String> phones(RaisedEscalation.NotifiedRole role) {
        List<String> phones = new ArrayList<>();
        role.contact().shownPhone().ifPresent(p -> phones.add(role(role) + " " + p
                + role.contact().shownHours().map(h -> " (" + h + ")").orElse("")));
        role.backupContact().shownPhone().ifPresent(p -> phones.add(backup(role) + " " + p));
        return phones;
    }

    static String lowerFirst(String title) {
        return title.isEmpty() ? title : Character.toLowerCase(title.charAt(0)) + title.substring(1);
    }

    /** {@code a, b and c}. */
    static String list(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.getLast();
    }
}
