package org.sga.core.escalation;

import java.time.Duration;
import org.sga.core.values.Check;

/**
 * Exponential backoff with a cap and jitter: attempt n waits {@code initial * multiplier^(n-1)}, at most
 * {@code max}, less a random share of up to {@code jitter}, so instances that failed together retry apart.
 */
public record Backoff(Duration initial, Duration max, double multiplier, double jitter) {

    /** 2 s, 4 s, 8 s … up to 5 minutes, each up to 20% shorter at random. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 2.0, 0.2);

    public Backoff {
        Check.positive(initial, "initial");
        Check.positive(max, "max");
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max must not be below initial");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("multiplier must be at least 1");
        }
        if (!(jitter >= 0.0 && jitter < 1.0)) {
            throw new IllegalArgumentException("jitter must be in [0, 1)");
        }
    }

    /**
     * The wait after failed attempt {@code attempt} (from 1), with {@code random} drawn uniformly from
     * [0, 1) by the caller, so that tests can fix it.
     */
    public Duration delay(int attempt, double random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt counts from 1");
        }
        double millis = initial.toMillis() * Math.pow(multiplier, attempt - 1.0);
        double capped = Math.min(millis, max.toMillis());
        long jittered = Math.round(capped * (1.0 - jitter * random));
        return Duration.ofMillis(Math.max(1, jittered));
    }
}
