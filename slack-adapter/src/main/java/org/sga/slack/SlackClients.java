package org.sga.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Duration;

/** Slack Web API clients pointed at the configured {@code apiUrl}, optionally reporting every call to {@link ApiCalls}. */
final class SlackClients {

    private SlackClients() {
    }

    /** A Slack client whose Web API calls go to {@code apiUrl}. */
    static Slack slack(SlackSettings settings) {
        return Slack.getInstance(config(settings));
    }

    /** A Slack client whose Web API calls go to {@code apiUrl} and give up, whole, after {@code callTimeout}. */
    static Slack slack(SlackSettings settings, Duration callTimeout) {
        return Slack.getInstance(config(settings, callTimeout));
    }

    /** As {@link #slack(SlackSettings, Duration)}, each call reported to {@code calls}. */
    static Slack observed(SlackSettings settings, Duration callTimeout, ApiCalls calls) {
        return observed(config(settings, callTimeout), calls);
    }

    /** As {@link #slack(SlackSettings)}, each call reported to {@code calls}. */
    static Slack observed(SlackSettings settings, ApiCalls calls) {
        return observed(config(settings), calls);
    }

    /** A Slack client on {@code config} whose HTTP client tells {@code calls} each Web API call's method and outcome. */
    static Slack observed(SlackConfig config, ApiCalls calls) {
        if (calls == ApiCalls.NONE) {
            return Slack.getInstance(config);
        }
        okhttp3.OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .addInterceptor(new ApiCallReporter(calls))
                .build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    private static SlackConfig config(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }

    private static SlackConfig config(SlackSettings settings, Duration callTimeout) {
        SlackConfig config = config(settings);
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        return config;
    }
}
