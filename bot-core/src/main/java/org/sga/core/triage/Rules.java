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

    /** {@code rounds}: how often role and backup are notified again after the backup's own deadline. */
    record UrgencyRule(Urgency urgency, Condition when, Duration acknowledgeWithin, int rounds) {
    }

    /**
     * Who carries out a group of actions and the headings they are shown under; while {@code insteadWhen} holds,
     * {@code instead} carries them out. {@code ifUnreachable} (or null) is added to each of the owner's actions.
     */
    record OwnerRule(String id, String heading, String noticeHeading, String ifUnreachable, Condition insteadWhen,
            OwnerRule instead) {
    }
}
