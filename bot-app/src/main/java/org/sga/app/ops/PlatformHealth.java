package org.sga.app.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.OutboxRow;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the bot can reach Slack and Teams, from its own calls to them: DEGRADED while the latest call to a
 * platform failed, UP once one succeeds again. Degraded is not dead: restarting the instance would not bring Slack
 * back, and the outbox keeps the notices until it does, so liveness and readiness leave this out.
 */
public final class PlatformHealth implements HealthIndicator, EscalationEvents {

    /** Shown, with HTTP 200, when a platform is failing but the bot itself is well. */
    public static final Status DEGRADED = new Status("DEGRADED", "A chat platform is failing; notices wait in the outbox");

    private final Set<String> platforms;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();

    /** @param platforms the configured platforms (e.g. slack, teams), reported even before their first call */
    public PlatformHealth(Set<String> platforms, Clock clock) {
        this.platforms = Set.copyOf(platforms);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record State(boolean ok, String lastError, Instant failingSince, int failures, Instant lastSuccess) {
    }

    private final Map<String, java.util.function.BooleanSupplier> connections = new ConcurrentHashMap<>();

    /** A live connection {@code platform} keeps (Slack's Socket Mode): while it is down, the platform is degraded. */
    public void connection(String platform, java.util.function.BooleanSupplier connected) {
        connections.put(platform, connected);
    }

    /**
     * A failure that says the platform cannot be reached or will not accept the bot (server errors, rate limits,
     * time-outs, a revoked token); a refusal of one message (a channel the bot is not in) does not.
     */
    public static boolean affectsConnection(String code) {
        if (code == null) {
            return false;
        }
        if (code.startsWith("teams_")) {
            // The Teams notifier's codes: teams_503, teams_429, teams_token_…, teams_timeout, teams_io.
            code = code.substring(6);
            if (code.startsWith("token") || code.equals("io")) {
                return true;
            }
            if (code.matches("\\d{3}")) {
                code = "http_" + code;
            }
        }
        return code.startsWith("http_5") || code.equals("http_0") || code.equals("http_401") || code.equals("http_403")
                || code.equals("http_429") || code.equals("http_408") || code.startsWith("token")
                || java.util.Set.of("timeout", "io_error", "ratelimited", "invalid_auth", "not_authed", "account_inactive",
                        "internal_error", "fatal_error", "service_unavailable", "request_timeout", "notifier_busy")
                        .contains(code);
    }

    /** A call to {@code platform} succeeded. */
    public void succeeded(String platform) {
        Instant now = clock.instant();
        states.put(platform, new State(true, null, null, 0, now));
    }

    /** A call to {@code platform} failed with a short error code (never message text). */
    public void failed(String platform, String code) {
        Instant now = clock.instant();
        states.compute(platform, (p, s) -> s == null || s.ok()
                ? new State(false, code, now, 1, s == null ? null : s.lastSuccess())
                : new State(false, code, s.failingSince(), s.failures() + 1, s.lastSuccess()));
    }

    @Override
    public void delivered(OutboxRow row, Instant at) {
        succeeded(row.platform());
    }

    @Override
    public void deliveryFailed(OutboxRow row, String code, boolean givenUp) {
        if (affectsConnection(code)) {
            failed(row.platform(), code);
        }
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String platform : platforms.stream().sorted().toList()) {
            State s = states.get(platform);
            Map<String, Object> d = new LinkedHashMap<>();
            java.util.function.BooleanSupplier connection = connections.get(platform);
            if (connection != null) {
                boolean up = connection.getAsBoolean();
                d.put("connection", up ? "open" : "closed (reconnecting)");
                degraded |= !up;
            }
            if (s == null) {
                d.put("status", "no calls yet");
            } else if (s.ok()) {
                d.put("status", "ok");
                d.put("lastSuccess", s.lastSuccess().toString());
            } else {
                degraded = true;
                d.put("status", "failing");
                d.put("lastError", s.lastError());
                d.put("failingSince", s.failingSince().toString());
                d.put("failures", s.failures());
                if (s.lastSuccess() != null) {
                    d.put("lastSuccess", s.lastSuccess().toString());
                }
            }
            details.put(platform, d);
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
    }
}
