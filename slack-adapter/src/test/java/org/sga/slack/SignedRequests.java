package org.sga.slack;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends requests to {@code /slack/events} signed the way Slack signs them, or deliberately not: the one Slack request
 * signer of the tests, the adapter's and the application's.
 */
public final class SignedRequests {

    public static final String SECRET = "test-signing-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String secret;
    private final Clock clock;

    SignedRequests(URI endpoint, Clock clock) {
        this(endpoint, SECRET, clock);
    }

    public SignedRequests(URI endpoint, String secret, Clock clock) {
        this.endpoint = endpoint;
        this.secret = secret;
        this.clock = clock;
    }

    /** To {@code /slack/events} of an application listening on {@code port} of this machine, signed now. */
    public static SignedRequests toLocalPort(int port, String secret) {
        return new SignedRequests(URI.create("http://localhost:" + port + "/slack/events"), secret, Clock.systemUTC());
    }

    public HttpResponse<String> event(String json) {
        return signed(json, "application/json");
    }

    /** The event again, as Slack retries it after no answer in time. */
    public HttpResponse<String> event(String json, int retryNum) {
        return send(json, "application/json", clock.instant().getEpochSecond(), secret, retryNum);
    }

    public HttpResponse<String> interaction(String payloadJson) {
        return form("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    public HttpResponse<String> form(String body) {
        return signed(body, "application/x-www-form-urlencoded");
    }

    /** {@code body} as {@code contentType}, signed now. */
    public HttpResponse<String> signed(String body, String contentType) {
        return send(body, contentType, clock.instant().getEpochSecond(), secret, null);
    }

    public HttpResponse<String> send(String body, String contentType, long timestamp, String secret, Integer retryNum) {
        return send(request(body, contentType, timestamp, secret, retryNum));
    }

    /** The signed request itself, for callers that send it their own way (asynchronously, many at once). */
    public HttpRequest request(String body, String contentType, long timestamp, String secret, Integer retryNum) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return request.build();
    }

    /** A signed event as {@link #request} builds it, timestamped now. */
    public HttpRequest eventRequest(String json, Integer retryNum) {
        return request(json, "application/json", clock.instant().getEpochSecond(), secret, retryNum);
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Slack's {@code X-Slack-Signature} for {@code body} sent at {@code timestamp} (seconds). */
    public static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
