package org.sga.core.triage;

/** A role the answers make eligible for notification, and when against office hours it is notified. */
public record EligibleRole(Role role, Hours hours) {
}
