package org.sga.core.escalation;

/** A routing configuration that cannot be used; the message starts with the key path at fault. */
public final class RoutingConfigException extends RuntimeException {

    public RoutingConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
