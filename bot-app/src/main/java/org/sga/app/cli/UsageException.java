package org.sga.app.cli;

/** Bad command-line arguments; the message is shown as a one-line error with exit code 2. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
