/**
 * Escalation: who is told about a concern, and making sure they are. The routing configuration (organisations,
 * teams, each role's channel and backup per platform, office hours, bank holidays, acknowledgement deadlines) and
 * the router apply the notification rules of {@code TRIAGE.md} at a given time. Outcomes become outbox rows in the
 * same transaction as their audit record; a worker delivers the rows through a notifier, at least once, with
 * backoff; acknowledgements stop the chase, and an unacknowledged role past its deadline is claimed once for
 * re-escalation to its backup. {@link org.sga.core.escalation.EscalationService} raises, {@link
 * org.sga.core.escalation.AcknowledgementPolicy} decides who may acknowledge (the {@link
 * org.sga.core.escalation.Acknowledger} port every platform uses) and {@link org.sga.core.escalation.ReEscalator}
 * chases; the latter two act on the routing kept in the {@code escalation.raised} audit record, not on today's
 * configuration.
 */
package org.sga.core.escalation;
