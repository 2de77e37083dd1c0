package org.sga.core.values;

import java.util.List;
import java.util.function.Consumer;

/** Telling several listeners of one kind about an event. */
public final class Listeners {

    private Listeners() {
    }

    /**
     * Tells each of {@code listeners} in turn; one that throws is logged (its exception's class only: messages can
     * carry what a user wrote) and does not keep the event from the others. Metrics or a record failing must never
     * cost a user their answer or an escalation its notice.
     */
    public static <T> void tellEach(List<T> listeners, Consumer<T> event, String kind) {
        for (T listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                System.getLogger(Listeners.class.getName()).log(System.Logger.Level.WARNING,
                        "{0} listener failed with {1}", kind, e.getClass().getName());
            }
        }
    }
}
