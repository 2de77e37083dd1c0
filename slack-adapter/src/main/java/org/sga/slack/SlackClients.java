package org.sga.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.util.http.SlackHttpClient;
import java.time.Duration;

/** Slack Web API clients pointed at the configured {@code apiUrl}, each call reported to {@link ApiCalls}. */
final class SlackClients {

    private SlackClients() {
    }

    static Slack slack(SlackSettings settings, ApiCalls calls) {
        return slack(config(settings), calls);
    }

    /** A client whose calls give up, whole, after {@code callTimeout}. */
    static Slack slack(SlackSettings settings, Duration callTimeout, ApiCalls calls) {
        SlackConfig config = config(settings);
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        return slack(config, calls);
    }

    private static Slack slack(SlackConfig config, ApiCalls calls) {
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
}
