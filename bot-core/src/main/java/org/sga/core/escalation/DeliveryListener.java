package org.sga.core.escalation;

/**
 * Told when a notice was delivered or could not be, so someone can act on it (the reporter is told, for instance).
 * Implementations must not throw for long: the delivery itself is already recorded.
 */
@FunctionalInterface
public interface DeliveryListener {

    /** Nobody listens. */
    DeliveryListener NONE = (row, errorCode, givenUp) -> { };

    /**
     * @param errorCode the platform's short code, never message text
     * @param givenUp   true when the notice will not be retried; false when a retry is scheduled
     */
    void notDelivered(OutboxRow row, String errorCode, boolean givenUp);

    /** The notice was posted (and recorded as delivered). */
    default void delivered(OutboxRow row) {
    }

    /** Tells each of {@code listeners} in turn; one that throws does not keep the news from the others. */
    static DeliveryListener all(java.util.List<? extends DeliveryListener> listeners) {
        java.util.List<DeliveryListener> copy = java.util.List.copyOf(listeners);
        if (copy.size() == 1) {
            return copy.getFirst();
        }
        return new DeliveryListener() {
            @Override
            public void notDelivered(OutboxRow row, String errorCode, boolean givenUp) {
                each(l -> l.notDelivered(row, errorCode, givenUp), row);
            }

            @Override
            public void delivered(OutboxRow row) {
                each(l -> l.delivered(row), row);
            }

            private void each(java.util.function.Consumer<DeliveryListener> event, OutboxRow row) {
                for (DeliveryListener listener : copy) {
                    try {
                        event.accept(listener);
                    } catch (RuntimeException e) {
                        System.getLogger(DeliveryListener.class.getName()).log(System.Logger.Level.WARNING,
                                "{0}: delivery listener failed with {1}", row.idempotencyKey(), e.getClass().getName());
                    }
                }
            }
        };
    }
}
