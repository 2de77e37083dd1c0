/**
 * Who is notified of a triage outcome and where: the routing configuration (organisations, teams, each role's
 * channel and backup per platform, office hours, bank holidays, acknowledgement deadlines) and the router that
 * applies the notification rules of {@code TRIAGE.md} at a given time.
 */
package org.sga.core.escalation;
