package org.sga.teams;

import java.util.Optional;

/**
 * Where the bot can reach a Teams conversation proactively: remembered from authenticated activities only (the
 * service URL receives the bot's token, so it must never come from unchecked request data).
 */
public interface ConversationReferences {

    /** Stores or replaces the reference for its conversation id. */
    void save(TeamsReference reference);

    Optional<TeamsReference> find(String conversationId);

    /** The most recently seen reference in the tenant, whose service URL serves every channel there. */
    Optional<TeamsReference> latestInTenant(String tenantId);
}
