package org.sga.core.conversation;

import java.util.Map;

/** The words shown to staff for the role ids of TRIAGE.md. */
final class RoleNames {

    private static final Map<String, String> NAMES = Map.of(
            "manager", "your manager",
            "safeguarding_lead", "the designated safeguarding lead",
            "allegations_officer", "the allegations officer",
            "out_of_hours", "the out-of-hours team",
            "governance_lead", "the governance lead");

    private RoleNames() {
    }

    static String of(String roleId) {
        return NAMES.getOrDefault(roleId, roleId);
    }
}
