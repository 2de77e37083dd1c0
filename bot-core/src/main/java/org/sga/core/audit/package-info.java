/**
 * The audit trail: an append-only, hash-chained record of triage outcomes and escalations. Each record
 * carries the hash of the one before it, so an edit, a deletion or a reordering shows on verification.
 */
package org.sga.core.audit;
