package org.sga.eval;

/** Bad command-line arguments; the message is shown as a one-line error with exit code 2. */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
