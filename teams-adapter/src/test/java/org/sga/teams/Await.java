package org.sga.teams;


import static org.awaitility.Awaitility.await;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for what the endpoint does after it has answered, or makes sure it did not do more. */
final class Await {

    /** How long asynchronous work gets to (wrongly) happen before "it did not happen" is believed. */
    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Duration AT_MOST = Duration.ofSeconds(10);

    private Await() {
    }

    static void until(BooleanSupplier condition) {
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(10)).until(condition::getAsBoolean);
    }

    /** The condition holds throughout a quiet period: for assertions that something did not happen. */
    static void holds(BooleanSupplier condition) {
        await().during(QUIET).atMost(QUIET.plus(AT_MOST)).pollInterval(Duration.ofMillis(10))
                .until(condition::getAsBoolean);
    }
}
