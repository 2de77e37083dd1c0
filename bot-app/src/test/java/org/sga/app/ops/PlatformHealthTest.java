package org.sga.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class PlatformHealthTest {

    private final PlatformHealth health = new PlatformHealth(Set.of("slack", "teams"),
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void givenConnectionFailures_thenDegradedUntilACallSucceeds() {
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        PlatformCalls calls = new PlatformCalls(new BotMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), health);
        calls.record("slack", "chat.postMessage", "http_503");
        calls.record("slack", "chat.postMessage", "ratelimited");
        Health degraded = health.health();
        assertThat(degraded.getStatus()).isEqualTo(PlatformHealth.DEGRADED);
        assertThat(degraded.getDetails().get("slack").toString()).contains("ratelimited").contains("failures=2");
        calls.record("slack", "chat.postMessage", null);
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void givenRefusalOfOneMessage_thenNotDegraded() {
        assertThat(PlatformHealth.affectsConnection("channel_not_found")).isFalse();
        assertThat(PlatformHealth.affectsConnection("not_in_channel")).isFalse();
        assertThat(PlatformHealth.affectsConnection("http_404")).isFalse();
        assertThat(PlatformHealth.affectsConnection("teams_404")).isFalse();
    }

    @Test
    void givenTeamsNotifierCodes_thenServerErrorsTokensAndTimeoutsCount() {
        assertThat(PlatformHealth.affectsConnection("teams_503")).isTrue();
        assertThat(PlatformHealth.affectsConnection("teams_429")).isTrue();
        assertThat(PlatformHealth.affectsConnection("teams_token_401")).isTrue();
        assertThat(PlatformHealth.affectsConnection("teams_timeout")).isTrue();
        assertThat(PlatformHealth.affectsConnection("teams_io")).isTrue();
        assertThat(PlatformHealth.affectsConnection("invalid_auth")).isTrue();
    }

    @Test
    void givenSocketModeClosed_thenDegraded() {
        health.connection("slack", () -> false);
        assertThat(health.health().getStatus()).isEqualTo(PlatformHealth.DEGRADED);
        assertThat(health.health().getDetails().get("slack").toString()).contains("closed");
    }
}
