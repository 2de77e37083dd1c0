package org.sga.content;

/** A procedure file that cannot be read or breaks the content rules; the message names the file and the problem. */
public class ContentException extends RuntimeException {
    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
