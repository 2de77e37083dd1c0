package org.sga.app.ops;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.OutboxRow;
import org.sga.slack.SlackNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the bot can reach Slack and Teams, from its own calls to them: DEGRADED while the latest call to a
 * platform failed, UP once one succeeds again. Degraded is not dead: restarting the instance would not bring Slack
 * back, and the outbox keeps the notices until it does, so liveness and readiness leave this out.
 *
 * <p>A platform that refuses the bot's own credentials (a revoked or invalid token, a lost scope, an uninstalled app)
 * is an outage an administrator must fix: it is logged at ERROR when it starts, shown as {@code access} here, and
 * every notice waits in the outbox. When the notices waiting are ones that tell a reporter what happened to their
 * escalation, each is logged at ERROR with its reference and counted here, since the reporter cannot be reached.
 */
public final class PlatformHealth implements HealthIndicator, EscalationEvents {

    /** Shown, with HTTP 200, when a platform is failing but the bot itself is well. */
    public static final Status DEGRADED = new Status("DEGRADED", "A chat platform is failing; notices wait in the outbox");

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHealth.class);

    /** Slack's events that say the bot's access is gone; its error codes for the same are the notifier's. */
    private static final Set<String> ACCESS_EVENTS = Set.of("tokens_revoked", "app_uninstalled");

    private final Set<String> platforms;
    private final Clock clock;
    private final Map<String, State> states = new ConcurrentHashMap<>();
    private final Map<String, BooleanSupplier> connections = new ConcurrentHashMap<>();
    /** Per platform, the escalations whose reporter is waiting for a notice that cannot be posted. */
    private final Map<String, Set<String>> reportersWaiting = new ConcurrentHashMap<>();

    /** @param platforms the configured platforms (e.g. slack, teams), reported even before their first call */
    public PlatformHealth(Set<String> platforms, Clock clock) {
        this.platforms = Set.copyOf(platforms);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record State(boolean ok, String lastError, Instant failingSince, int failures, Instant lastSuccess,
            String accessRefused) {
    }

    /** A live connection {@code platform} keeps (Slack's Socket Mode): while it is down, the platform is degraded. */
    public void connection(String platform, BooleanSupplier connected) {
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
        if (refusesAccess(code)) {
            return true;
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
        return code.startsWith("http_5") || code.equals("http_0") || code.equals("http_429") || code.equals("http_408")
                || code.startsWith("token")
                || Set.of("timeout", "io_error", "ratelimited", "internal_error", "fatal_error", "service_unavailable",
                        "request_timeout", "notifier_busy").contains(code);
    }

    /**
     * A failure that says the platform refuses the bot's own credentials: Slack's auth codes and events, an HTTP 401 or
     * 403 from its API, the Teams connector's 401, the token endpoint refusing the app's secret.
     */
    public static boolean refusesAccess(String code) {
        if (code == null) {
            return false;
        }
        return SlackNotifier.accessErrors().contains(code) || ACCESS_EVENTS.contains(code)
                || code.equals("http_401") || code.equals("http_403")
                || code.equals("teams_401") || code.matches("teams_token_4(00|01|03)");
    }

    /** A call to {@code platform} succeeded. */
    public void succeeded(String platform) {
        Instant now = clock.instant();
        State before = states.put(platform, new State(true, null, null, 0, now, null));
        if (before != null && before.accessRefused() != null) {
            LOG.info("{} accepts the bot again; notices waiting in the outbox are being delivered", platform);
        }
    }

    /** A call to {@code platform} failed with a short error code (never message text). */
    public void failed(String platform, String code) {
        Instant now = clock.instant();
        String access = refusesAccess(code) ? code : null;
        State after = states.compute(platform, (p, s) -> s == null || s.ok()
                ? new State(false, code, now, 1, s == null ? null : s.lastSuccess(), access)
                : new State(false, code, s.failingSince(), s.failures() + 1, s.lastSuccess(),
                        access != null ? access : s.accessRefused()));
        if (access != null && after.failures() == 1) {
            LOG.error("{} refuses the bot's credentials ({}): nothing can be posted there, every escalation notice for it "
                    + "waits in the outbox and is retried. Fix the token or reinstall the app.", platform, code);
        }
    }

    /** {@code platform} said the bot's access is gone ({@code tokens_revoked}, {@code app_uninstalled}). */
    public void accessLost(String platform, String event) {
        failed(platform, event);
    }

    @Override
    public void delivered(OutboxRow row, Instant at) {
        succeeded(row.platform());
        if (OutboxRow.REPORTER.equals(row.role())) {
            Set<String> waiting = reportersWaiting.get(row.platform());
            if (waiting != null) {
                waiting.remove(row.escalationRef());
            }
        }
    }

    @Override
    public void deliveryFailed(OutboxRow row, String code, boolean givenUp) {
        if (affectsConnection(code)) {
            failed(row.platform(), code);
        }
        if (OutboxRow.REPORTER.equals(row.role()) && (affectsConnection(code) || givenUp)) {
            // The reporter hears about their escalation only on their own platform; when that is the one failing,
            // only operators can see that they have not been told.
            boolean first = reportersWaiting.computeIfAbsent(row.platform(), p -> ConcurrentHashMap.newKeySet())
                    .add(row.escalationRef());
            if (first) {
                LOG.error("Escalation {}: its reporter cannot be told on {} ({}); the notice {} (escalations list --open)",
                        row.escalationRef(), row.platform(), code, givenUp ? "was given up" : "waits in the outbox");
            }
        }
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String platform : platforms.stream().sorted().toList()) {
            State s = states.get(platform);
            Map<String, Object> d = new LinkedHashMap<>();
            BooleanSupplier connection = connections.get(platform);
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
                if (s.accessRefused() != null) {
                    d.put("access", "refused (" + s.accessRefused() + "): fix the token or reinstall the app");
                }
                if (s.lastSuccess() != null) {
                    d.put("lastSuccess", s.lastSuccess().toString());
                }
            }
            int waiting = reportersWaiting.getOrDefault(platform, Set.of()).size();
            if (waiting > 0) {
                degraded = true;
                d.put("escalationsWhoseReporterIsNotTold", waiting);
            }
            details.put(platform, d);
        }
        return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
    }
}
