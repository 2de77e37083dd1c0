package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5), 2.0, 0.2);

    @Nested
    class WithoutJitter {

        @Test
        void givenSuccessiveFailures_thenWaitDoubles() {
            assertThat(backoff.delay(1, 0.0)).isEqualTo(Duration.ofSeconds(2));
            assertThat(backoff.delay(2, 0.0)).isEqualTo(Duration.ofSeconds(4));
            assertThat(backoff.delay(5, 0.0)).isEqualTo(Duration.ofSeconds(32));
        }

        @Test
        void givenManyFailures_thenWaitStopsAtTheCap() {
            assertThat(backoff.delay(9, 0.0)).isEqualTo(Duration.ofMinutes(5));
            assertThat(backoff.delay(1_000, 0.0)).isEqualTo(Duration.ofMinutes(5));
        }
    }

    @Nested
    class WithJitter {

        @Test
        void givenLargestRandomDraw_thenWaitIsShorterByAtMostTheJitterShare() {
            assertThat(backoff.delay(2, 0.999_999)).isBetween(Duration.ofMillis(3_200), Duration.ofSeconds(4));
            assertThat(backoff.delay(100, 0.999_999)).isBetween(Duration.ofMinutes(4), Duration.ofMinutes(5));
        }
    }

    @Test
    void givenJitterOfOneOrMore_thenRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0, 1.0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void givenCapBelowInitialWait_thenRefused() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(3), Duration.ofSeconds(2), 2.0, 0.0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
