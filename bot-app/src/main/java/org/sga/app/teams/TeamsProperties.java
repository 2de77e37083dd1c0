package org.sga.app.teams;

import java.time.Duration;
import org.sga.teams.TeamsSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Teams settings ({@code sga.teams.*}), bound from {@code MICROSOFT_APP_ID}, {@code MICROSOFT_APP_PASSWORD},
 * {@code MICROSOFT_APP_TENANT_ID}, {@code MICROSOFT_OPENID_METADATA_URL} and {@code MICROSOFT_TOKEN_URL} (see
 * application.yml). {@code toString} leaves the password out.
 *
 * @param allowUnauthenticated run without an app id, accepting unauthenticated requests (local development only)
 * @param workers              threads that run turns after the request has been answered
 * @param queue                turns that may wait for a thread before the endpoint answers 503
 */
@ConfigurationProperties(prefix = "sga.teams")
record TeamsProperties(String appId, String appPassword, String tenantId, String openidMetadataUrl, String tokenUrl,
                       String serviceUrl, @DefaultValue("15s") Duration connectorTimeout,
                       @DefaultValue("false") boolean allowUnauthenticated,
                       @DefaultValue("8") int workers, @DefaultValue("2000") int queue) {

    TeamsSettings toSettings() {
        return new TeamsSettings(appId, appPassword, tenantId, openidMetadataUrl, tokenUrl, serviceUrl, connectorTimeout);
    }

    @Override
    public String toString() {
        return toSettings().toString();
    }
}
