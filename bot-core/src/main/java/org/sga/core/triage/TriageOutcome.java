package org.sga.core.triage;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the answers so far mean: urgency, the cited actions (CALL_999 first when it applies), the roles eligible to
 * be notified before the time of day is considered, the roles that must receive nothing, and the next question.
 *
 * @param answers the validated answers, in question order
 * @param acknowledgeWithin the definition's default time to acknowledge an escalation of this urgency
 * @param concern the label of the concern category, or null while it is not known
 * @param nextQuestion the id of the next question, or null when the answers are complete
 */
public record TriageOutcome(
        Map<String, String> answers,
        Urgency urgency,
        Duration acknowledgeWithin,
        List<Action> actions,
        List<EligibleRole> eligibleRoles,
        Set<Role> withheldRoles,
        String concern,
        String nextQuestion) {

    public TriageOutcome {
        answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        actions = List.copyOf(actions);
        eligibleRoles = List.copyOf(eligibleRoles);
        withheldRoles = Set.copyOf(withheldRoles);
    }

    public boolean complete() {
        return nextQuestion == null;
    }

    public List<String> actionCodes() {
        return actions.stream().map(Action::code).toList();
    }

    /** The eligible roles notified at a time inside (or outside) office hours, in the definition's order. */
    public List<Role> rolesToNotify(boolean insideOfficeHours) {
        return eligibleRoles.stream()
                .filter(r -> r.hours().includes(insideOfficeHours))
                .map(EligibleRole::role)
                .toList();
    }
}
