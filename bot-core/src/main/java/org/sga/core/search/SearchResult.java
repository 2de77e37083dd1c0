package org.sga.core.search;

import java.util.List;

/**
 * Ranked sections for one question, best first, and the decision whether the best one is presented as the answer.
 * Hits are listed even when not answered, so the user can be offered the closest section titles.
 * {@code notCoveredTopic} names a topic the loaded procedures don't cover when the question is about that (or null);
 * {@code missingDetail} says what the question asks for that the best section does not state, e.g. "a length of
 * time" (or null; see {@link DetailAsked}); {@code topicNamed} whether the reply may tell the person the topic is not
 * covered (not for the offline side of a harm when the question speaks of something online; see {@link NotCovered}).
 */
public record SearchResult(String query, Decision decision, double confidence, List<Hit> hits, String notCoveredTopic,
                           String missingDetail, boolean topicNamed) {

    /** Whether the bot answers with the best section or says it is not sure. */
    public enum Decision { ANSWERED, NOT_CONFIDENT }

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public SearchResult(String query, Decision decision, double confidence, List<Hit> hits) {
        this(query, decision, confidence, hits, null, null, true);
    }

    public SearchResult(String query, Decision decision, double confidence, List<Hit> hits, String notCoveredTopic) {
        this(query, decision, confidence, hits, notCoveredTopic, null, true);
    }

    /** The topic the reply names as not covered, or null: none, or one it may not name. */
    public String namedTopic() {
        return topicNamed ? notCoveredTopic : null;
    }

    public boolean answered() {
        return decision == Decision.ANSWERED;
    }
}
