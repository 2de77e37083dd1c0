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

/** Sends requests to {@code /slack/events} signed the way Slack signs them, or deliberately not. */
final class SignedRequests {

    static final String SECRET = "test-signing-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final Clock clock;

    SignedRequests(URI endpoint, Clock clock) {
        this.endpoint = endpoint;
        this.clock = clock;
    }

    HttpResponse<String> event(String json) {
        return send(json, "application/json", clock.instant().getEpochSecond(), SECRET, null);
    }

    HttpResponse<String> event(String json, int retryNum) {
        return send(json, "application/json", clock.instant().getEpochSecond(), SECRET, retryNum);
    }

    HttpResponse<String> interaction(String payloadJson) {
        return form("payload=" + URLEncoder.encode(payloadJson, StandardCharsets.UTF_8));
    }

    HttpResponse<String> form(String body) {
        return send(body, "application/x-www-form-urlencoded", clock.instant().getEpochSecond(), SECRET, null);
    }

    HttpResponse<String> send(String body, String contentType, long timestamp, String secret, Integer retryNum) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .header("X-Slack-Request-Timestamp", Long.toString(timestamp))
                .header("X-Slack-Signature", signature(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (retryNum != null) {
            request.header("X-Slack-Retry-Num", retryNum.toString()).header("X-Slack-Retry-Reason", "http_timeout");
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    URI endpoint() {
        return endpoint;
    }

    static String signature(String secret, long timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "v0=" + HexFormat.of().formatHex(mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
