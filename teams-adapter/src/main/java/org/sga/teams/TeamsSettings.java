package org.sga.teams;

import java.net.URI;
import java.time.Duration;

/**
 * The bot's Microsoft registration and endpoints, mapped from the application's settings.
 *
 * @param appId             the bot's Microsoft app id; blank turns inbound authentication off (local development only)
 * @param appPassword       the client secret; never logged
 * @param tenantId          the tenant of a single-tenant registration; blank for a multi-tenant one
 * @param openIdMetadataUrl where the Bot Framework's signing keys are published; blank for the public cloud's
 * @param tokenUrl          the client-credentials token endpoint; blank for the one derived from the tenant
 * @param serviceUrl        the connector used for channels the bot has not heard from yet
 * @param connectorTimeout  how long one connector call may take before it counts as failed
 */
public record TeamsSettings(String appId, String appPassword, String tenantId, String openIdMetadataUrl,
                            String tokenUrl, String serviceUrl, Duration connectorTimeout) {

    public static final String PUBLIC_OPENID_METADATA_URL = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public static final String PUBLIC_SERVICE_URL = "https://smba.trafficmanager.net/teams/";
    static final String SCOPE = "https://api.botframework.com/.default";

    public TeamsSettings {
        appId = trim(appId);
        appPassword = trim(appPassword);
        tenantId = trim(tenantId);
        openIdMetadataUrl = trim(openIdMetadataUrl).isEmpty() ? PUBLIC_OPENID_METADATA_URL : trim(openIdMetadataUrl);
        tokenUrl = trim(tokenUrl);
        serviceUrl = withSlash(trim(serviceUrl).isEmpty() ? PUBLIC_SERVICE_URL : trim(serviceUrl));
        connectorTimeout = connectorTimeout == null ? Duration.ofSeconds(15) : connectorTimeout;
        if (!appId.isEmpty() && appPassword.isEmpty()) {
            throw new IllegalArgumentException("MICROSOFT_APP_PASSWORD must be set when MICROSOFT_APP_ID is");
        }
        URI.create(openIdMetadataUrl);
    }

    /** Settings for a registration, with every endpoint at its public-cloud default. */
    public static TeamsSettings of(String appId, String appPassword, String tenantId) {
        return new TeamsSettings(appId, appPassword, tenantId, null, null, null, null);
    }

    /** Inbound tokens are checked only when an app id is configured. */
    public boolean authenticationEnabled() {
        return !appId.isEmpty();
    }

    /**
     * The token endpoint: the configured one, else the tenant's (single-tenant registrations, the kind Azure creates
     * today), else the Bot Framework's own tenant (multi-tenant registrations).
     */
    public String effectiveTokenUrl() {
        if (!tokenUrl.isEmpty()) {
            return tokenUrl;
        }
        String tenant = tenantId.isEmpty() ? "botframework.com" : tenantId;
        return "https://login.microsoftonline.com/" + tenant + "/oauth2/v2.0/token";
    }

    /** Leaves the secret out, so the settings can be logged. */
    @Override
    public String toString() {
        return "TeamsSettings[appId=" + appId + ", appPassword=" + (appPassword.isEmpty() ? "(none)" : "(set)")
                + ", tenantId=" + tenantId + ", openIdMetadataUrl=" + openIdMetadataUrl + ", tokenUrl=" + effectiveTokenUrl()
                + ", serviceUrl=" + serviceUrl + ", connectorTimeout=" + connectorTimeout + "]";
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }

    static String withSlash(String url) {
        return url.endsWith("/") ? url : url + "/";
    }
}
