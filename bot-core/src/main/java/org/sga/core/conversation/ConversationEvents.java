package org.sga.core.conversation;

import java.util.List;
import org.sga.core.values.Listeners;

/**
 * Told what the bot did with each message, for metrics and for the content owners' list of questions it could not
 * answer. Implementations must be quick and must not throw; the question text passed to {@link #notConfident} is
 * the user's own words and must never be logged or put in a metric.
 */
public interface ConversationEvents {

    /** Nobody listens. */
    ConversationEvents NONE = new ConversationEvents() {
    };

    /** Tells each of {@code listeners} in turn; one that throws does not keep the event from the others. */
    static ConversationEvents all(List<? extends ConversationEvents> listeners) {
        return Listeners.all(ConversationEvents.class, listeners, NONE, "conversation");
    }

    /** A question was answered from a section. */
    default void answered(String platform, String sectionId) {
    }

    /**
     * The bot was not confident and pointed the user to their safeguarding lead. {@code topic} is the not-covered
     * topic it recognised, or null.
     */
    default void notConfident(String platform, String question, String topic) {
    }

    /** A guided triage began. */
    default void triageStarted(String platform) {
    }

    /** A triage ended with an escalation raised; {@code urgency} is its urgency (TRIAGE.md). */
    default void triageCompleted(String platform, String urgency) {
    }

    /** A triage ended without an escalation: cancelled by the user ({@code "cancelled"}) or purged unfinished ({@code "expired"}). */
    default void triageAbandoned(String platform, String why) {
    }
}
