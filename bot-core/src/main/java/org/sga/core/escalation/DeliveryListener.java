package org.sga.core.escalation;

/** Told when a notice could not be delivered, so someone can act on it (the reporter is told, for instance). */
@FunctionalInterface
public interface DeliveryListener {

    /** Nobody listens. */
    DeliveryListener NONE = (row, errorCode, givenUp) -> { };

    /**
     * @param errorCode the platform's short code, never message text
     * @param givenUp   true when the notice will not be retried; false when a retry is scheduled
     */
    void notDelivered(OutboxRow row, String errorCode, boolean givenUp);
}
