/**
 * Retention: a scheduled job (hourly by default, {@code sga.retention.*}) that deletes what the bot no longer needs —
 * conversation state of unfinished conversations, records of processed platform events, unanswered questions and
 * answer votes, delivered notices of closed escalations, and audit records past their retention (under signed
 * checkpoints, only with {@code SGA_AUDIT_SIGNING_KEY}). Deletes run in batches and are idempotent, so several instances
 * on one database may all run it. Only counts are logged.
 */
package org.sga.app.retention;
