package org.sga.app.slack;

import java.util.List;
import org.sga.slack.SlackSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, bound from {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN},
 * {@code SLACK_API_URL}, {@code SLACK_ACK_USERGROUPS} and {@code SLACK_WORKER_THREADS} (see application.yml). Never printed: {@code toString}
 * leaves the secrets out.
 */
@ConfigurationProperties(prefix = "sga.slack")
record SlackProperties(String botToken, String signingSecret, String appToken,
                       @DefaultValue(SlackSettings.DEFAULT_API_URL) String apiUrl, List<String> ackUserGroups,
                       @DefaultValue("0") int workerThreads) {

    SlackSettings toSettings() {
        return new SlackSettings(botToken, signingSecret, appToken, apiUrl, ackUserGroups, workerThreads);
    }

    @Override
    public String toString() {
        return "SlackProperties[apiUrl=" + apiUrl + ", ackUserGroups=" + ackUserGroups + ", workerThreads=" + workerThreads + "]";
    }
}
