/**
 * Retention: what is kept how long ({@link org.sga.core.retention.RetentionPolicy}) and the purge that deletes what is
 * past it, batch by batch, through the {@link org.sga.core.retention.RetentionStore} port and, for audit records, under
 * signed checkpoints of the {@link org.sga.core.audit.AuditTrail}.
 */
package org.sga.core.retention;
