/**
 * Escalation: who is told about a concern, and making sure they are. The routing configuration (organisations,
 * teams, each role's channel and backup per platform, office hours, bank holidays, acknowledgement deadlines) and
 * the router apply the notification rules of {@code TRIAGE.md} at a given time. Outcomes become outbox rows in the
 * same transaction as their audit record; a worker delivers the rows through a notifier, at least once, with
 * backoff; acknowledgements stop the chase, and an unacknowledged step of a role's chase is claimed once to take it on:
 * the backup, rounds of role and backup, then the reporter phones. {@link org.sga.core.escalation.EscalationService}
 * raises, {@link org.sga.core.escalation.AcknowledgementPolicy} decides who may acknowledge (the {@link
 * org.sga.core.escalation.Acknowledger} port every platform uses), {@link org.sga.core.escalation.ReEscalator} chases
 * and {@link org.sga.core.escalation.ReporterUpdates} tells the reporter what was delivered; they act on the routing
 * kept in the {@code escalation.raised} audit record, not on today's
 * configuration.
 */
package org.sga.core.escalation;
