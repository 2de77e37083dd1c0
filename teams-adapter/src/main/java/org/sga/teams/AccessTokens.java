package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bot's own OAuth client-credentials request for connector tokens, cached until shortly before they expire.
 * Owned here rather than left to the SDK because the SDK's MSAL path cannot do single-tenant registrations and
 * refuses a token endpoint that is not https (sovereign clouds, tests).
 */
final class AccessTokens {

    private static final Logger LOG = LoggerFactory.getLogger(AccessTokens.class);
    /** Renew this long before expiry, so a token is never sent in its last seconds. */
    static final Duration EARLY = Duration.ofMinutes(5);

    private final TeamsSettings settings;
    private final HttpClient http;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(TeamsSettings settings, HttpClient http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    /** A valid access token, fetched when there is none or the cached one is about to expire. */
    synchronized String token() throws IOException {
        if (token != null && clock.instant().isBefore(renewAt)) {
            return token;
        }
        String form = "grant_type=client_credentials"
                + "&client_id=" + enc(settings.appId())
                + "&client_secret=" + enc(settings.appPassword())
                + "&scope=" + enc(TeamsSettings.SCOPE);
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.effectiveTokenUrl()))
                .timeout(settings.connectorTimeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching a token", e);
        }
        if (response.statusCode() != 200) {
            // The body may echo request details; the status and the error code are enough to act on.
            String error = errorCode(response.body());
            LOG.warn("Token request to {} failed: HTTP {} {}", settings.effectiveTokenUrl(), response.statusCode(), error);
            throw new TokenException(response.statusCode(), error);
        }
        JsonNode body = json.readTree(response.body());
        String accessToken = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (accessToken.isEmpty() || expiresIn <= 0) {
            throw new IOException("token response without access_token or expires_in");
        }
        Instant now = clock.instant();
        Duration lifetime = Duration.ofSeconds(expiresIn);
        // Short-lived tokens (tests, unusual tenants) are renewed at half their life instead.
        Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : lifetime.dividedBy(2);
        token = accessToken;
        renewAt = now.plus(lifetime).minus(early);
        LOG.debug("Fetched a connector token valid for {}s", expiresIn);
        return token;
    }

    /** Forgets the cached token, e.g. after the connector rejected it. */
    synchronized void invalidate() {
        token = null;
        renewAt = Instant.MIN;
    }

    private String errorCode(String body) {
        try {
            return json.readTree(body).path("error").asText("");
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The token endpoint refused; 4xx other than 429 will not pass by retrying. */
    static final class TokenException extends IOException {
        private final int status;

        TokenException(int status, String error) {
            super("token endpoint answered HTTP " + status + (error.isEmpty() ? "" : " " + error));
            this.status = status;
        }

        int status() {
            return status;
        }
    }
}
