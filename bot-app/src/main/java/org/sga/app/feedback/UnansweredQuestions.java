package org.sga.app.feedback;

import org.sga.app.store.ContentFeedback;
import org.sga.core.conversation.ConversationEvents;

/**
 * Keeps each question the bot was not confident to answer, with the not-covered topic it recognised, for the content
 * owners. A failure propagates to {@link ConversationEvents#all}, which logs only its class: a database message may
 * quote the question.
 */
public final class UnansweredQuestions implements ConversationEvents {

    private final ContentFeedback store;

    public UnansweredQuestions(ContentFeedback store) {
        this.store = store;
    }

    @Override
    public void notConfident(String platform, String question, String topic) {
        if (question == null || question.isBlank()) {
            return;
        }
        store.recordUnanswered(platform, question.strip(), topic);
    }
}
