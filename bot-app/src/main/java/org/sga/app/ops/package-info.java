/**
 * What operators see: health for the load balancer (liveness, readiness with the database and the search index,
 * Slack and Teams as degraded rather than dead), Prometheus metrics, and the JSON log switch. Nothing here carries
 * message text: metrics are counts by platform, outcome, role and error code.
 */
package org.sga.app.ops;
