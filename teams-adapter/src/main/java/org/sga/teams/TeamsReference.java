package org.sga.teams;

import java.util.Objects;

/**
 * A conversation the bot can post into later.
 *
 * @param conversationId the personal chat, group chat or channel id ({@code 19:…@thread.tacv2})
 * @param serviceUrl     the connector that serves it (from an authenticated activity)
 * @param tenantId       the Microsoft 365 tenant, or null when Teams did not say
 * @param kind           {@code personal}, {@code groupChat}, {@code channel} or {@code team}
 * @param teamId         the team of a channel, or null
 */
public record TeamsReference(String conversationId, String serviceUrl, String tenantId, String kind, String teamId) {

    public TeamsReference {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(serviceUrl, "serviceUrl");
        Objects.requireNonNull(kind, "kind");
        if (conversationId.isBlank() || conversationId.length() > 255) {
            throw new IllegalArgumentException("conversationId must be 1 to 255 characters");
        }
    }
}
