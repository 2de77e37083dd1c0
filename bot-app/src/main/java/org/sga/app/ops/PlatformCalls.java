package org.sga.app.ops;

import java.util.Objects;

/**
 * Outcomes of calls to Slack's Web API and the Bot Framework connector: failures counted by platform, call and
 * error code; failures of the connection (not of one message) make the platform DEGRADED until a call succeeds.
 */
public final class PlatformCalls {

    private final BotMetrics metrics;
    private final PlatformHealth health;

    public PlatformCalls(BotMetrics metrics, PlatformHealth health) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.health = Objects.requireNonNull(health, "health");
    }

    /** @param errorCode null when the call succeeded */
    public void record(String platform, String method, String errorCode) {
        if (errorCode == null) {
            health.succeeded(platform);
            return;
        }
        metrics.apiError(platform, method, errorCode);
        if (PlatformHealth.affectsConnection(errorCode)) {
            health.failed(platform, errorCode);
        }
    }

    /** {@code platform} said the bot's access is gone ({@code tokens_revoked}, {@code app_uninstalled}). */
    public void accessLost(String platform, String event) {
        metrics.apiError(platform, "event", event);
        health.accessLost(platform, event);
    }
}
