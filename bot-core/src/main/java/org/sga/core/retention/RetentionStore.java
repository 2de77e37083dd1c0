package org.sga.core.retention;

import java.time.Instant;
import java.util.List;

/**
 * Deletes what is past its retention, at most {@code max} rows a call, each call its own short transaction. Every
 * delete is idempotent: several instances may purge at once, and a row is counted (and, for a conversation, returned)
 * by the one instance whose delete removed it. With another instance purging, a short batch does not mean the end.
 */
public interface RetentionStore {

    /** Conversation states not updated since {@code cutoff}; a state saved again after it was read is left alone. */
    List<ExpiredConversation> purgeConversations(Instant cutoff, int max);

    /** Records of platform events first seen before {@code cutoff}. */
    int purgeProcessedEvents(Instant cutoff, int max);

    /** Unanswered questions asked before {@code cutoff}. */
    int purgeUnansweredQuestions(Instant cutoff, int max);

    /** Answer votes cast before {@code cutoff}. */
    int purgeAnswerVotes(Instant cutoff, int max);

    /**
     * Notices delivered before {@code cutoff}, except those of escalations still open (a notice undelivered or a role
     * yet to acknowledge); undelivered and given-up notices are never purged.
     */
    int purgeDeliveredOutbox(Instant cutoff, int max);

    /**
     * The acknowledgements and deadlines of closed escalations whose last acknowledgement came before {@code cutoff} and
     * whose notices are all gone; returns how many escalations were cleared.
     */
    int purgeClosedEscalations(Instant cutoff, int max);
}
