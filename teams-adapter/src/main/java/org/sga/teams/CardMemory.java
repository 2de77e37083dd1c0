package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Optional;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers cards that have buttons, keyed by the posted activity, so that after a click the card can be shown again
 * without them. A submit carries only the button's data, not the card; keeping the card in the shared conversation
 * store lets whichever instance receives the click update it.
 */
final class CardMemory {

    static final String KIND = "teams-card";
    private static final Logger LOG = LoggerFactory.getLogger(CardMemory.class);

    private final ConversationStore store;
    private final ObjectMapper json = new ObjectMapper();

    CardMemory(ConversationStore store) {
        this.store = store;
    }

    void remember(String conversationId, String activityId, JsonNode card) {
        key(conversationId, activityId).ifPresent(key -> {
            try {
                store.save(key, KIND, json.writeValueAsString(card), ConversationState.NEW);
            } catch (IOException | RuntimeException e) {
                // Losing it only means the updated card shows the choice without repeating the text.
                LOG.warn("Could not remember a card: {}", e.getClass().getSimpleName());
            }
        });
    }

    Optional<JsonNode> recall(String conversationId, String activityId) {
        return key(conversationId, activityId).flatMap(store::load).filter(s -> s.kind().equals(KIND)).flatMap(s -> {
            try {
                return Optional.of(json.readTree(s.data()));
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<ConversationKey> key(String conversationId, String activityId) {
        if (conversationId == null || activityId == null || conversationId.length() > 255 || activityId.length() > 200) {
            return Optional.empty();
        }
        return Optional.of(new ConversationKey(Platform.TEAMS.id(), conversationId, "card:" + activityId));
    }
}
