package org.sga.slack;

/**
 * Told the outcome of every Slack Web API call that got an HTTP response: the method and, when it failed, Slack's
 * error code ({@code ok:false}) or {@code http_NNN}. For metrics and health; never given message text.
 */
@FunctionalInterface
public interface ApiCalls {

    /** Nobody listens. */
    ApiCalls NONE = (method, errorCode) -> { };

    /** @param errorCode null when the call succeeded */
    void answered(String method, String errorCode);
}
