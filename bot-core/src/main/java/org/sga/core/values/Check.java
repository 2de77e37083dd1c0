package org.sga.core.values;

import java.time.Duration;
import java.util.Objects;

/** Argument checks the core's records share; the limits they are given match the storage columns. */
public final class Check {

    private Check() {
    }

    /** Non-blank text of at most {@code maxLength} characters. */
    public static String text(String value, String name, int maxLength) {
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
    public static String keyPart(String value, String name, int maxLength) {
        text(value, name, maxLength);
        if (value.indexOf('/') >= 0) {
            throw new IllegalArgumentException(name + " must not contain '/'");
        }
        return value;
    }

    public static Duration positive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
        return value;
    }

    /**
     * Refuses a null among {@code values}, named by its place in {@code names} (comma-separated, in the same order,
     * e.g. {@code "type, ref, at"}), as {@link Objects#requireNonNull(Object, String)} would name it.
     */
    public static void present(String names, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                throw new NullPointerException(names.split(",\\s*")[i]);
            }
        }
    }
}
