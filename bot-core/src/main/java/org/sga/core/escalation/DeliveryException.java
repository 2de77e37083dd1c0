package org.sga.core.escalation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A notifier could not deliver. Carries a short error code (e.g. the platform's {@code ratelimited}),
 * never message text, since the code is stored and logged.
 */
public final class DeliveryException extends Exception {

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9_.:-]");
    private static final int MAX_CODE = 64;

    private final String code;
    private final boolean retryable;
    private final transient Duration retryAfter;

    public DeliveryException(String code, boolean retryable, Duration retryAfter, Throwable cause) {
        super(safeCode(code), cause, false, false);
        this.code = safeCode(code);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    /** A failure that may pass, e.g. a timeout or a 5xx. */
    public static DeliveryException retryable(String code) {
        return new DeliveryException(code, true, null, null);
    }

    /** The platform asked to wait, e.g. HTTP 429 with Retry-After. */
    public static DeliveryException retryAfter(String code, Duration wait) {
        return new DeliveryException(code, true, Objects.requireNonNull(wait, "wait"), null);
    }

    /** A failure retrying cannot fix, e.g. an unknown channel. */
    public static DeliveryException permanent(String code) {
        return new DeliveryException(code, false, null, null);
    }

    public String code() {
        return code;
    }

    public boolean retryable() {
        return retryable;
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Keeps codes short and free of anything that could carry message text into logs or the database. */
    static String safeCode(String code) {
        if (code == null || code.isBlank()) {
            return "unknown";
        }
        String safe = UNSAFE.matcher(code.strip()).replaceAll("_");
        return safe.length() > MAX_CODE ? safe.substring(0, MAX_CODE) : safe;
    }
}
