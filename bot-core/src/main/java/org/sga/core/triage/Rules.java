package org.sga.core.triage;

import java.time.Duration;

/** The rules of a triage definition, each with its condition. */
final class Rules {

    private Rules() {
    }

    record QuestionRule(Question question, Condition askedWhen) {
    }

    record ActionRule(Action action, Condition when) {
    }

    /** {@code withholdWhen} says when the role must receive nothing, not even through another role's backup. */
    record RoleRule(Role role, Condition when, Condition withholdWhen, Hours hours) {
    }

    record UrgencyRule(Urgency urgency, Condition when, Duration acknowledgeWithin) {
    }
}
