package org.sga.slack;

/**
 * Told the outcome of every Slack Web API call that got an HTTP response: the method and, when it failed, Slack's
 * error code ({@code ok:false}) or {@code http_NNN}; and told when Slack says the bot's access is gone. For metrics and
 * health; never given message text.
 */
@FunctionalInterface
public interface ApiCalls {

    /** Nobody listens. */
    ApiCalls NONE = (method, errorCode) -> { };

    /** @param errorCode null when the call succeeded */
    void answered(String method, String errorCode);

    /**
     * Slack sent {@code tokens_revoked} (for the bot's token) or {@code app_uninstalled}: every call will fail until
     * the app is installed again and the new token configured.
     */
    default void accessLost(String event) {
    }
}
