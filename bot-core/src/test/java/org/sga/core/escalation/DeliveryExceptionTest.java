package org.sga.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryExceptionTest {

    @Test
    void givenCodeWithSpacesAndQuotes_thenOnlySafeCharactersRemain() {
        DeliveryException e = DeliveryException.retryable("bad 'thing' said: \"hello\"");

        assertThat(e.code()).matches("[A-Za-z0-9_.:-]+");
        assertThat(e.getMessage()).isEqualTo(e.code());
    }

    @Test
    void givenVeryLongCode_thenCutTo64Characters() {
        assertThat(DeliveryException.permanent("x".repeat(500)).code()).hasSize(64);
    }

    @Test
    void givenRetryAfter_thenRetryableWithTheWait() {
        DeliveryException e = DeliveryException.retryAfter("ratelimited", Duration.ofSeconds(30));

        assertThat(e.retryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void givenMissingCode_thenUnknown() {
        assertThat(DeliveryException.permanent(null).code()).isEqualTo("unknown");
    }
}
