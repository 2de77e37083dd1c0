package org.sga.slack;

import java.net.URI;

/**
 * What the adapter needs from the environment. The signing secret is needed for HTTP mode, the app token for
 * Socket Mode; {@code apiUrl} ends in {@code /api/} and points the Web API client at Slack, a proxy or a test
 * server. {@code workerThreads} sizes the pool that works after the ack (0: one per core, at least two).
 * {@code toString} never shows the secrets.
 */
public record SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl, int workerThreads) {

    public static final String DEFAULT_API_URL = "https://slack.com/api/";

    public SlackSettings {
        if (blank(botToken)) {
            throw new IllegalArgumentException("SLACK_BOT_TOKEN is not set");
        }
        apiUrl = blank(apiUrl) ? DEFAULT_API_URL : apiUrl.strip();
        if (!apiUrl.endsWith("/")) {
            apiUrl = apiUrl + "/";
        }
        URI.create(apiUrl);
        if (workerThreads < 0) {
            throw new IllegalArgumentException("workerThreads must be 0 (default) or more");
        }
        if (blank(signingSecret) && blank(appToken)) {
            throw new IllegalArgumentException("Set SLACK_SIGNING_SECRET (HTTP mode) or SLACK_APP_TOKEN (Socket Mode)");
        }
    }

    public SlackSettings(String botToken, String signingSecret, String appToken, String apiUrl) {
        this(botToken, signingSecret, appToken, apiUrl, 0);
    }

    public boolean socketMode() {
        return !blank(appToken);
    }

    public boolean httpMode() {
        return !blank(signingSecret);
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "SlackSettings[apiUrl=" + apiUrl + ", httpMode=" + httpMode() + ", socketMode=" + socketMode()
                + ", workerThreads=" + workerThreads + "]";
    }
}
