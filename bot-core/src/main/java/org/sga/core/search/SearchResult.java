package org.sga.core.search;

import java.util.List;

/**
 * Ranked sections for one question, best first, and the decision whether the best one is presented as the answer.
 * Hits are listed even when not answered, so the user can be offered the closest section titles.
 * {@code notCoveredTopic} names a topic the loaded procedures don't cover when the question is about that (or null);
 * {@code missingDetail} says what the question asks for that the best section does not state, e.g. "a length of
 * time" (or null; see {@link DetailAsked}).
 */
public record SearchResult(String query, Decision decision, double confidence, List<Hit> hits, String notCoveredTopic,
                           String missingDetail) {

    /** Whether the bot answers with the best section or says it is not sure. */
    public enum Decision { ANSWERED, NOT_CONFIDENT }

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public SearchResult(String query, Decision decision, double confidence, List<Hit> hits) {
        this(query, decision, confidence, hits, null, null);
    }

    public SearchResult(String query, Decision decision, double confidence, List<Hit> hits, String notCoveredTopic) {
        this(query, decision, confidence, hits, notCoveredTopic, null);
    }

    public boolean answered() {
        return decision == Decision.ANSWERED;
    }
}
