package org.sga.core.escalation;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by this package's records; limits match the storage columns. */
final class Check {

    private Check() {
    }

    static String text(String value, String name, int maxLength) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException(name + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A part of an idempotency key: a '/' inside it would let two different rows share one key. */
    static String keyPart(String value, String name, int maxLength) {
        text(value, name, maxLength);
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '/'");
        }
        return value;
    }

    static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }
}
