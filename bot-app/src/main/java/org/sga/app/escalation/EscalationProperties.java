package org.sga.app.escalation;

import java.time.Duration;
import org.sga.core.escalation.ReEscalator;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Settings of this instance's re-escalator ({@code sga.escalation.*}). */
@ConfigurationProperties("sga.escalation")
public record EscalationProperties(
        @DefaultValue("true") boolean reEscalatorEnabled,
        @DefaultValue("1m") Duration reEscalatorLease,
        @DefaultValue("20") int reEscalatorBatchSize,
        @DefaultValue("5s") Duration reEscalatorPollInterval) {

    ReEscalator.Settings toSettings(String workerId) {
        return new ReEscalator.Settings(workerId, reEscalatorLease, reEscalatorBatchSize, reEscalatorPollInterval);
    }
}
