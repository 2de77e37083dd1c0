package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Bot Framework's side, on one WireMock server: OpenID metadata whose JWKS holds RSA keys made here (one endorsed
 * for msteams, one for another channel only), the token endpoint, and the connector service. Each fake publishes its
 * metadata under a path of its own, because the SDK caches keys per metadata URL for the life of the JVM.
 */
public final class BotFrameworkFake implements AutoCloseable {

    public static final String APP_ID = "00000000-0000-0000-0000-00000000b07";
    public static final String APP_PASSWORD = "test-secret-never-logged";
    public static final String TENANT_ID = "11111111-2222-3333-4444-555555555555";
    public static final String ISSUER = "https://api.botframework.com";
    public static final String CONNECTOR_TOKEN = "connector-token-1";

    private static final AtomicLong IDS = new AtomicLong(1_700_000_000_000L);

    private final WireMockServer server = new WireMockServer(options().dynamicPort());
    private final String metadataPath = "/meta-" + UUID.randomUUID();
    private final KeyPair teamsKey = rsa();
    private final KeyPair otherChannelKey = rsa();
    private final KeyPair unpublishedKey = rsa();

    public BotFrameworkFake() {
        server.start();
        server.stubFor(get(urlPathEqualTo(metadataPath + "/openid")).willReturn(okJson("""
                {"issuer":"%s","jwks_uri":"%s"}""".formatted(ISSUER, base() + metadataPath.substring(1) + "/keys"))));
        server.stubFor(get(urlPathEqualTo(metadataPath + "/keys")).willReturn(okJson("{\"keys\":[%s,%s]}".formatted(
                jwk("teams", teamsKey, "msteams"), jwk("other", otherChannelKey, "skype")))));
        server.stubFor(post(urlPathEqualTo("/token")).willReturn(okJson("""
                {"token_type":"Bearer","expires_in":3599,"access_token":"%s"}""".formatted(CONNECTOR_TOKEN))));
        stubConnector();
    }

    /**
     * The connector answers every post and update with a fresh activity id, new channel conversations with a thread id,
     * and a new personal chat ({@code isGroup} false) with {@code a:private-} and the member's id.
     */
    public void stubConnector() {
        server.stubFor(post(urlPathEqualTo("/v3/conversations")).atPriority(1).withRequestBody(containing("\"isGroup\":false"))
                .willReturn(okJson("{\"id\":\"a:private-{{jsonPath request.body '$.members[0].id'}}\"}")
                        .withTransformers("response-template")));
        server.stubFor(post(urlMatching("/v3/conversations/[^/]+/activities(/[^/]+)?"))
                .willReturn(okJson("{\"id\":\"{{randomValue length=12 type='NUMERIC'}}\"}").withTransformers("response-template")));
        server.stubFor(put(urlMatching("/v3/conversations/[^/]+/activities/[^/]+")).willReturn(okJson("{\"id\":\"updated\"}")));
        server.stubFor(post(urlPathEqualTo("/v3/conversations")).willReturn(okJson("""
                {"id":"19:dsl@thread.tacv2;messageid=900","activityId":"900","serviceUrl":"%s"}""".formatted(base()))));
    }

    public WireMockServer server() {
        return server;
    }

    /** The connector's address, as an activity's serviceUrl names it. */
    public String base() {
        return server.baseUrl() + "/";
    }

    public String metadataUrl() {
        return server.baseUrl() + metadataPath + "/openid";
    }

    public TeamsSettings settings() {
        return new TeamsSettings(APP_ID, APP_PASSWORD, TENANT_ID, metadataUrl(), server.baseUrl() + "/token", base(),
                Duration.ofSeconds(2));
    }

    /** A token as the Bot Framework signs it for an activity from {@code serviceUrl}. */
    public String token(String serviceUrl) {
        return token(teamsKey, "teams", APP_ID, serviceUrl, Instant.now().plusSeconds(3600));
    }

    /** Signed properly, but with no {@code exp} claim: it would never expire. */
    public String tokenWithoutExpiry(String serviceUrl) {
        return JWT.create().withIssuer(ISSUER).withAudience(APP_ID).withClaim("serviceurl", serviceUrl).withKeyId("teams")
                .withNotBefore(Date.from(Instant.now().minus(Duration.ofMinutes(1))))
                .sign(Algorithm.RSA256(null, (RSAPrivateKey) teamsKey.getPrivate()));
    }

    public String expiredToken(String serviceUrl) {
        return token(teamsKey, "teams", APP_ID, serviceUrl, Instant.now().minus(Duration.ofMinutes(10)));
    }

    public String tokenForAudience(String audience, String serviceUrl) {
        return token(teamsKey, "teams", audience, serviceUrl, Instant.now().plusSeconds(3600));
    }

    /** Signed with a key that is not published under the kid it claims. */
    public String tokenWithWrongSignature(String serviceUrl) {
        return token(unpublishedKey, "teams", APP_ID, serviceUrl, Instant.now().plusSeconds(3600));
    }

    /** Signed with a published key endorsed for another channel only. */
    public String tokenFromKeyNotEndorsedForTeams(String serviceUrl) {
        return token(otherChannelKey, "other", APP_ID, serviceUrl, Instant.now().plusSeconds(3600));
    }

    public String tokenFromIssuer(String issuer, String serviceUrl) {
        RSAPrivateKey priv = (RSAPrivateKey) teamsKey.getPrivate();
        return JWT.create().withIssuer(issuer).withAudience(APP_ID).withClaim("serviceurl", serviceUrl).withKeyId("teams")
                .withExpiresAt(Date.from(Instant.now().plusSeconds(3600))).sign(Algorithm.RSA256(null, priv));
    }

    private static String token(KeyPair key, String kid, String audience, String serviceUrl, Instant expires) {
        return JWT.create().withIssuer(ISSUER).withAudience(audience).withClaim("serviceurl", serviceUrl)
                .withKeyId(kid).withNotBefore(Date.from(expires.minus(Duration.ofHours(2))))
                .withExpiresAt(Date.from(expires)).sign(Algorithm.RSA256(null, (RSAPrivateKey) key.getPrivate()));
    }

    /** Requests the bot made to the connector (posts and updates under /v3/conversations). */
    public List<LoggedRequest> connectorRequests() {
        return server.getAllServeEvents().stream().map(e -> e.getRequest())
                .filter(r -> r.getUrl().startsWith("/v3/conversations")).toList().reversed();
    }

    public static String nextId() {
        return Long.toString(IDS.incrementAndGet());
    }

    private static String jwk(String kid, KeyPair key, String endorsement) {
        RSAPublicKey pub = (RSAPublicKey) key.getPublic();
        return """
                {"kty":"RSA","use":"sig","kid":"%s","n":"%s","e":"%s","endorsements":["%s"]}""".formatted(kid,
                b64(pub.getModulus()), b64(pub.getPublicExponent()), endorsement);
    }

    private static String b64(BigInteger i) {
        byte[] bytes = i.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            return g.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder status(int status) {
        return aResponse().withStatus(status);
    }
}
