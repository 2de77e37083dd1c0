package org.sga.core.escalation;

import java.util.List;

/** An organisation (a council, a trust, a school) and its teams. */
public record Organisation(String id, String name, List<Team> teams) {
    public Organisation {
        teams = List.copyOf(teams);
    }
}
