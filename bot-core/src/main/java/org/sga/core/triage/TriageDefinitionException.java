package org.sga.core.triage;

/** A triage definition that cannot be used; the message names the key path at fault. */
public final class TriageDefinitionException extends RuntimeException {

    TriageDefinitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
