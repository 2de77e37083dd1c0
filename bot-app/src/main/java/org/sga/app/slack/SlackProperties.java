package org.sga.app.slack;

import java.util.List;
import org.sga.slack.SlackSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Slack settings, bound from {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET}, {@code SLACK_APP_TOKEN},
 * {@code SLACK_API_URL} and {@code SLACK_WORKER_THREADS} (see application.yml). Never printed: {@code toString}
 * leaves the secrets out.
 *
 * @param ackUserGroups {@code SLACK_ACK_USERGROUPS}, which once let user groups acknowledge; now refused, since who
 *                      may acknowledge is the routing's decision alone
 */
@ConfigurationProperties(prefix = "sga.slack")
record SlackProperties(String botToken, String signingSecret, String appToken,
                       @DefaultValue(SlackSettings.DEFAULT_API_URL) String apiUrl, List<String> ackUserGroups,
                       @DefaultValue("0") int workerThreads) {

    SlackSettings toSettings() {
        if (ackUserGroups != null && ackUserGroups.stream().anyMatch(g -> g != null && !g.isBlank())) {
            throw new IllegalStateException("SLACK_ACK_USERGROUPS (sga.slack.ack-user-groups) is set, but user groups no"
                    + " longer decide who may acknowledge: list the people under each role's acknowledgers in the routing"
                    + " file (SGA_ROUTING), or list nobody to let the members of the role's channel and its backup's"
                    + " channel acknowledge, then unset SLACK_ACK_USERGROUPS.");
        }
        return new SlackSettings(botToken, signingSecret, appToken, apiUrl, workerThreads);
    }

    @Override
    public String toString() {
        return "SlackProperties[apiUrl=" + apiUrl + ", workerThreads=" + workerThreads + "]";
    }
}
