package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every request that is not signed by Slack, now, over this body, gets 401 and reaches no handler. */
class SignatureTest {

    private static final Clock CLOCK = Clock.systemUTC();
    private static ScriptedCore core;
    private static SlackEndpoint endpoint;

    @BeforeAll
    static void start() {
        core = new ScriptedCore();
        endpoint = new SlackEndpoint(core, ScriptedCore.NO_ACKNOWLEDGEMENTS, f -> { }, CLOCK);
    }

    @AfterAll
    static void stop() throws Exception {
        endpoint.close();
    }

    @BeforeEach
    void reset() {
        endpoint.slack.server.resetRequests();
        core.received.clear();
    }

    private static long now() {
        return CLOCK.instant().getEpochSecond();
    }

    private static String body() {
        return Events.direct(Events.newEventId(), "U1", "what do I do about nudes");
    }

    @Test
    void givenValidSignature_thenAcceptedAndAnswered() {
        HttpResponse<String> r = endpoint.requests.send(body(), "application/json", now(), SignedRequests.SECRET, null);
        assertThat(r.statusCode()).isEqualTo(200);
        SlackFake.await("the answer", () -> endpoint.slack.count("chat.postMessage") == 1);
        assertThat(core.received).hasSize(1);
    }

    @Test
    void givenTimestampSixMinutesOld_thenRefused() {
        assertRefused(endpoint.requests.send(body(), "application/json", now() - 360, SignedRequests.SECRET, null));
    }

    @Test
    void givenTimestampSixMinutesAhead_thenRefused() {
        assertRefused(endpoint.requests.send(body(), "application/json", now() + 360, SignedRequests.SECRET, null));
    }

    @Test
    void givenBodyChangedAfterSigning_thenRefused() {
        String signed = body();
        long ts = now();
        HttpRequest forged = HttpRequest.newBuilder(endpoint.requests.endpoint())
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(ts))
                .header("X-Slack-Signature", SignedRequests.signature(SignedRequests.SECRET, ts, signed))
                .POST(HttpRequest.BodyPublishers.ofString(signed.replace("nudes", "other")))
                .build();
        assertRefused(endpoint.requests.send(forged));
    }

    @Test
    void givenWrongSecret_thenRefused() {
        assertRefused(endpoint.requests.send(body(), "application/json", now(), "not-the-secret", null));
    }

    @Test
    void givenNoSignatureHeaders_thenRefused() {
        HttpRequest unsigned = HttpRequest.newBuilder(endpoint.requests.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body()))
                .build();
        assertRefused(endpoint.requests.send(unsigned));
    }

    @Test
    void givenTimestampButNoSignature_thenRefused() {
        HttpRequest unsigned = HttpRequest.newBuilder(endpoint.requests.endpoint())
                .header("Content-Type", "application/json")
                .header("X-Slack-Request-Timestamp", Long.toString(now()))
                .POST(HttpRequest.BodyPublishers.ofString(body()))
                .build();
        assertRefused(endpoint.requests.send(unsigned));
    }

    @Test
    void givenUnsignedUrlVerification_thenRefused() {
        HttpRequest challenge = HttpRequest.newBuilder(endpoint.requests.endpoint())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"url_verification\",\"challenge\":\"abc\"}"))
                .build();
        HttpResponse<String> r = endpoint.requests.send(challenge);
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.body()).doesNotContain("abc");
    }

    @Test
    void givenSignedUrlVerification_thenChallengeEchoed() {
        HttpResponse<String> r = endpoint.requests.event("{\"type\":\"url_verification\",\"token\":\"x\",\"challenge\":\"abc\"}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("abc");
    }

    private static void assertRefused(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(401);
        SlackFake.holds("no handler ran", core.received::isEmpty);
        assertThat(endpoint.slack.allPaths()).as("Slack was not called, not even auth.test").isEmpty();
    }
}
