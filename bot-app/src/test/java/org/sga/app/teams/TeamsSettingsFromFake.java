package org.sga.app.teams;

import org.sga.teams.BotFrameworkFake;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points the application's Teams settings at a fake Bot Framework: its own metadata URL, token endpoint and keys. */
public final class TeamsSettingsFromFake {

    private TeamsSettingsFromFake() {
    }

    public static void register(DynamicPropertyRegistry registry, BotFrameworkFake fake) {
        registry.add("sga.teams.app-id", () -> BotFrameworkFake.APP_ID);
        registry.add("sga.teams.app-password", () -> BotFrameworkFake.APP_PASSWORD);
        registry.add("sga.teams.tenant-id", () -> BotFrameworkFake.TENANT_ID);
        registry.add("sga.teams.openid-metadata-url", fake::metadataUrl);
        registry.add("sga.teams.token-url", () -> fake.server().baseUrl() + "/token");
        registry.add("sga.teams.service-url", fake::base);
        registry.add("sga.teams.connector-timeout", () -> "3s");
    }
}
