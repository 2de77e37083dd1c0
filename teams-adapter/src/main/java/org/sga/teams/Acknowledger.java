package org.sga.teams;

/**
 * The Acknowledge button of an escalation posted in a channel. The implementation decides whether the user may
 * acknowledge for the role, records the first acknowledgement, and tells the reporter (through the outbox, so the
 * notice is retried like any other); the adapter only updates or leaves the card.
 */
@FunctionalInterface
public interface Acknowledger {
    AcknowledgeOutcome acknowledge(String escalationRef, String role, TeamsUser user);
}
