package org.sga.core.triage;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answers so far mean: urgency, the cited actions grouped by who carries them out (the reporter's first,
 * CALL_999 first of all), the roles eligible to be notified before the time of day is considered, the roles that must
 * receive nothing, and the next question.
 *
 * @param answers the validated answers, in question order
 * @param acknowledgeWithin the definition's default time to acknowledge an escalation of this urgency
 * @param rounds the definition's default number of rounds role and backup are notified again after the backup
 * @param actionGroups the actions per owner, in the order they are shown; an owner with no action has no group
 * @param concern the label of the concern category, or null while it is not known
 * @param nextQuestion the id of the next question, or null when the answers are complete
 */
public record TriageOutcome(
        Map<String, String> answers,
        Urgency urgency,
        Duration acknowledgeWithin,
        int rounds,
        List<ActionGroup> actionGroups,
        List<EligibleRole> eligibleRoles,
        Set<Role> withheldRoles,
        String concern,
        String nextQuestion) {

    public TriageOutcome {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        actionGroups = List.copyOf(actionGroups);
        eligibleRoles = List.copyOf(eligibleRoles);
        withheldRoles = Set.copyOf(withheldRoles);
    }

    public boolean complete() {
        return nextQuestion == null;
    }

    /** Every action, in the order shown: the reporter's, then the DSL's (or the allegations officer's), then the police's. */
    public List<Action> actions() {
        return actionGroups.stream().flatMap(g -> g.actions().stream()).toList();
    }

    public List<String> actionCodes() {
        return actions().stream().map(Action::code).toList();
    }

    /** The eligible roles notified at a time inside (or outside) office hours, in the definition's order. */
    public List<Role> rolesToNotify(boolean insideOfficeHours) {
        return eligibleRoles.stream()
                .filter(r -> r.hours().includes(insideOfficeHours))
                .map(EligibleRole::role)
                .toList();
    }
}
