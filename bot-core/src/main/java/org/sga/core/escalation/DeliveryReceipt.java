package org.sga.core.escalation;

import java.util.Objects;

/** The platform's id of a posted message, kept to thread replies and acknowledgements onto it. */
public record DeliveryReceipt(String platformMessageId) {

    public DeliveryReceipt {
        Objects.requireNonNull(platformMessageId, "platformMessageId");
    }
}
