package org.sga.app.store;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.sga.core.escalation.Backoff;
import org.sga.core.escalation.OutboxWorker;

/** Settings of this instance's outbox worker ({@code sga.outbox.*}). */
@ConfigurationProperties("sga.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1m") Duration lease,
        @DefaultValue("10s") Duration deliveryTimeout,
        @DefaultValue("20") int batchSize,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration backoffInitial,
        @DefaultValue("5m") Duration backoffMax) {

    OutboxWorker.Settings toSettings(String workerId) {
        return OutboxWorker.Settings.defaults(workerId)
                .withLease(lease, deliveryTimeout)
                .withBatch(batchSize, pollInterval)
                .withRetries(new Backoff(backoffInitial, backoffMax, 2.0, 0.2), Integer.MAX_VALUE);
    }
}
