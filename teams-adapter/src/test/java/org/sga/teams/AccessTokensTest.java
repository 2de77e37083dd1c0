package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The client-credentials request: what is asked, how long the answer is kept, and what a refusal looks like. */
class AccessTokensTest {

    final WireMockServer server = new WireMockServer(options().dynamicPort());
    Instant now = Instant.parse("2026-11-28T09:00:00Z");
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @BeforeEach
    void start() {
        server.start();
        server.stubFor(post(urlPathEqualTo("/tenant/token")).willReturn(okJson("""
                {"token_type":"Bearer","expires_in":3600,"access_token":"t-1"}""")));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    AccessTokens tokens(String tenant) {
        return new AccessTokens(new TeamsSettings("app", "s3cret&=", tenant, null, server.baseUrl() + "/tenant/token",
                null, Duration.ofSeconds(2)), HttpClient.newHttpClient(), clock);
    }

    @Test
    void requestsClientCredentialsForTheBotFrameworkScope() throws Exception {
        assertThat(tokens("t").token()).isEqualTo("t-1");

        server.verify(postRequestedFor(urlPathEqualTo("/tenant/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=app"))
                .withRequestBody(containing("client_secret=s3cret%26%3D"))
                .withRequestBody(containing("scope=https%3A%2F%2Fapi.botframework.com%2F.default")));
    }

    @Test
    void givenCachedToken_thenNoSecondRequestUntilFiveMinutesBeforeExpiry() throws Exception {
        AccessTokens tokens = tokens("t");
        tokens.token();
        now = now.plus(Duration.ofMinutes(54));
        tokens.token();
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/tenant/token")))).hasSize(1);

        now = now.plus(Duration.ofMinutes(2));
        tokens.token();
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/tenant/token")))).hasSize(2);
    }

    @Test
    void givenRefusal_thenTokenExceptionWithStatusAndNoSecretInMessage() {
        server.stubFor(post(urlPathEqualTo("/tenant/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"secret s3cret&= is wrong\"}")));

        assertThatThrownBy(() -> tokens("t").token()).isInstanceOfSatisfying(AccessTokens.TokenException.class, e -> {
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.getMessage()).contains("invalid_client").doesNotContain("s3cret");
        });
    }

    @Nested
    class DefaultEndpoint {
        @Test
        void givenTenant_thenSingleTenantEndpoint() {
            assertThat(TeamsSettings.of("app", "pw", "contoso-tenant").effectiveTokenUrl())
                    .isEqualTo("https://login.microsoftonline.com/contoso-tenant/oauth2/v2.0/token");
        }

        @Test
        void givenNoTenant_thenMultiTenantEndpoint() {
            assertThat(TeamsSettings.of("app", "pw", "").effectiveTokenUrl())
                    .isEqualTo("https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token");
        }

        @Test
        void settingsNeverPrintTheSecret() {
            assertThat(TeamsSettings.of("app", "pw-very-secret", "t").toString()).doesNotContain("pw-very-secret");
        }

        @Test
        void givenAppIdWithoutPassword_thenRefusedAtStartUp() {
            assertThatThrownBy(() -> TeamsSettings.of("app", "", "t")).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
