/**
 * Retention's wiring: the core's purge ({@link org.sga.core.retention.RetentionPurge}) run on a schedule (hourly by
 * default), with its policy bound from {@code sga.retention.*}. It deletes what the bot no longer needs —
 * conversation state of unfinished conversations, records of processed platform events, unanswered questions and
 * answer votes, delivered notices of closed escalations, and audit records past their retention (under signed
 * checkpoints, only with {@code SGA_AUDIT_SIGNING_KEY}). Deletes run in batches and are idempotent, so several instances
 * on one database may all run it. Only counts are logged.
 */
package org.sga.app.retention;
