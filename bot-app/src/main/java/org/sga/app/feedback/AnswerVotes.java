package org.sga.app.feedback;

import org.sga.app.store.ContentFeedback;
import org.sga.core.escalation.Platform;
import org.sga.slack.FeedbackRecorder;
import org.sga.teams.Feedback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Helpful / Not helpful presses from Slack and Teams into {@code answer_vote}: platform, section, procedure version and
 * which way, never who. A vote that cannot be stored is dropped with a warning naming only the failure's class, so
 * the press itself still gets its thank-you.
 */
public final class AnswerVotes {

    private static final Logger LOG = LoggerFactory.getLogger(AnswerVotes.class);

    private final ContentFeedback store;

    public AnswerVotes(ContentFeedback store) {
        this.store = store;
    }

    /** The Slack adapter's feedback port. */
    public FeedbackRecorder slack() {
        return feedback -> store(feedback.platform() == null || feedback.platform().isBlank()
                ? Platform.SLACK.id() : feedback.platform(), feedback.sectionId(), feedback.version(), feedback.helpful());
    }

    /** The Teams adapter's feedback port; the conversation and user ids on a vote are not kept. */
    public Feedback teams() {
        return vote -> store(Platform.TEAMS.id(), vote.sectionId(), vote.version(), vote.helpful());
    }

    private void store(String platform, String sectionId, String version, boolean helpful) {
        if (sectionId == null || sectionId.isBlank() || sectionId.length() > ContentFeedback.MAX_SECTION) {
            LOG.warn("Answer vote on {} ignored: it names no valid section", platform);
            return;
        }
        try {
            store.recordVote(platform, sectionId, version, helpful);
        } catch (RuntimeException e) {
            LOG.warn("Answer vote on {} not recorded: {}", platform, e.getClass().getName());
        }
    }
}
