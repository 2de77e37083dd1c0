/**
 * The guided triage: a definition read from {@code /triage/triage.yml} (questions, derived flags, actions,
 * roles, urgency) and an engine that turns a member of staff's answers into cited actions and the roles
 * eligible to be notified. The ids, codes and rules follow {@code TRIAGE.md}.
 */
package org.sga.core.triage;
