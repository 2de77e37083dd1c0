package org.sga.teams;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** References held in memory: for tests and for local development without a database. */
public final class InMemoryConversationReferences implements ConversationReferences {

    private final Map<String, TeamsReference> byConversation = new ConcurrentHashMap<>();
    private final Map<String, TeamsReference> latestByTenant = new ConcurrentHashMap<>();

    @Override
    public void save(TeamsReference reference) {
        byConversation.put(reference.conversationId(), reference);
        if (reference.tenantId() != null) {
            latestByTenant.put(reference.tenantId(), reference);
        }
    }

    @Override
    public Optional<TeamsReference> find(String conversationId) {
        return Optional.ofNullable(byConversation.get(conversationId));
    }

    @Override
    public Optional<TeamsReference> latestInTenant(String tenantId) {
        return tenantId == null ? Optional.empty() : Optional.ofNullable(latestByTenant.get(Objects.requireNonNull(tenantId)));
    }
}
