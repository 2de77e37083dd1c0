package org.sga.app.ops;

import java.util.Objects;
import org.sga.slack.ApiCalls;

/** Slack Web API outcomes into the error counter and the platform's health. */
public final class SlackApiCalls implements ApiCalls {

    private final BotMetrics metrics;
    private final PlatformHealth health;

    public SlackApiCalls(BotMetrics metrics, PlatformHealth health) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public void answered(String method, String errorCode) {
        if (errorCode == null) {
            health.succeeded("slack");
            return;
        }
        metrics.apiError("slack", method, errorCode);
        if (PlatformHealth.affectsConnection(errorCode)) {
            health.failed("slack", errorCode);
        }
    }
}
