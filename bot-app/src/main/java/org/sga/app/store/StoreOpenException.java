package org.sga.app.store;

/** The store could not be opened; the message names the database and what to do about it. */
public final class StoreOpenException extends RuntimeException {

    public StoreOpenException(String message) {
        super(message);
    }

    public StoreOpenException(String message, Throwable cause) {
        super(message, cause);
    }
}
