package org.sga.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import okhttp3.Response;

/**
 * One SDK connector client per service URL, sharing the bot's credentials. The SDK's own retries are off: a reply
 * that fails is reported, and an escalation is retried by the outbox, which knows the Retry-After and never blocks a
 * request thread in a back-off loop.
 */
final class ConnectorClients {

    private static final RetryStrategy NO_RETRY = new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, Response response) {
            return false;
        }
    };

    private final AppCredentials credentials;
    private final long timeoutMillis;
    private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
    private final ApiCalls calls;

    ConnectorClients(AppCredentials credentials, TeamsSettings settings) {
        this(credentials, settings, ApiCalls.NONE);
    }

    ConnectorClients(AppCredentials credentials, TeamsSettings settings, ApiCalls calls) {
        this.calls = calls;
        this.credentials = credentials == null ? MicrosoftAppCredentials.empty() : credentials;
        this.timeoutMillis = settings.connectorTimeout().toMillis();
    }

    ConnectorClient forServiceUrl(String serviceUrl) {
        return clients.computeIfAbsent(TeamsSettings.withSlash(serviceUrl), url -> {
            RestConnectorClient client = new RestConnectorClient(RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                    .withRetryStrategy(NO_RETRY)
                    .withInterceptor(this::observed)
                    .withConnectionTimeout(Math.min(timeoutMillis, 5_000), TimeUnit.MILLISECONDS)
                    .withReadTimeout(timeoutMillis, TimeUnit.MILLISECONDS)
                    .build());
            client.setRestRetryStrategy(NO_RETRY);
            return client;
        });
    }

    /** Reports each connector call's outcome; the response passes through untouched. */
    private Response observed(okhttp3.Interceptor.Chain chain) throws java.io.IOException {
        String method = ApiCalls.method(chain.request().method(), chain.request().url().pathSegments());
        Response response;
        try {
            response = chain.proceed(chain.request());
        } catch (java.io.InterruptedIOException e) {
            report(method, "timeout");
            throw e;
        } catch (java.io.IOException e) {
            report(method, "io_error");
            throw e;
        }
        report(method, response.code() >= 400 ? "http_" + response.code() : null);
        return response;
    }

    private void report(String method, String error) {
        try {
            calls.answered(method, error);
        } catch (RuntimeException e) {
            // Metrics must never cost a reply.
        }
    }

    AppCredentials credentials() {
        return credentials;
    }
}
