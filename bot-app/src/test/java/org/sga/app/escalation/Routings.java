package org.sga.app.escalation;

import java.io.StringReader;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.Role;

/** Routing for tests that start the application with a chat platform on: every role has a channel there. */
public final class Routings {

    private Routings() {
    }

    /** One team; each role's channel and backup on {@code platform}, named after the role. Every id is invented. */
    public static RoutingConfig everyRoleOn(Platform platform) {
        StringBuilder roles = new StringBuilder();
        for (Role role : Role.values()) {
            roles.append("          ").append(role.id()).append(": {channel: {").append(platform.id()).append(": \"")
                    .append(target(platform, role.id())).append("\"}, backup: {").append(platform.id()).append(": \"")
                    .append(target(platform, role.id() + "-backup")).append("\"}}\n");
        }
        return RoutingConfig.parse(new StringReader("organisations:\n  - id: org\n    teams:\n      - id: team\n"
                + "        roles:\n" + roles), "test-routing-" + platform.id() + ".yml");
    }

    private static String target(Platform platform, String name) {
        return platform == Platform.TEAMS ? "19:" + name + "@thread.tacv2" : "C-" + name;
    }
}
