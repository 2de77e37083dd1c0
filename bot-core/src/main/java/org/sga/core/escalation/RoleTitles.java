package org.sga.core.escalation;

import java.util.Map;
import org.sga.core.triage.Role;

/** How a role is named in escalation notices, which are read by the role's people, not by the reporter. */
final class RoleTitles {

    private static final Map<Role, String> TITLES = Map.of(
            Role.MANAGER, "Line manager",
            Role.SAFEGUARDING_LEAD, "Designated safeguarding lead",
            Role.OUT_OF_HOURS, "Out-of-hours team",
            Role.ALLEGATIONS_OFFICER, "Allegations officer (LADO)",
            Role.GOVERNANCE_LEAD, "Governance lead (chair of governors, trustee or director)");

    private RoleTitles() {
    }

    static String of(Role role) {
        return TITLES.getOrDefault(role, role.id());
    }
}
