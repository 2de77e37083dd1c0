package org.sga.core.escalation;

/**
 * Acknowledges escalations for the people allowed to. The one place that decides who may acknowledge: the Slack and
 * Teams buttons and the typed {@code ack} on every platform and the console all come here.
 */
@FunctionalInterface
public interface Acknowledger {

    /** Never throws for a refusal: a refusal is an outcome, audited with its reason. */
    AcknowledgementOutcome acknowledge(AcknowledgeRequest request);
}
