package org.sga.core.search;

import java.util.List;

/**
 * Ranked sections for one question, best first, and the decision whether the best one is presented as the answer.
 * Hits are listed even when not answered, so the user can be offered the closest section titles.
 */
public record SearchResult(String query, Decision decision, double confidence, List<Hit> hits) {

    /** Whether the bot answers with the best section or says it is not sure. */
    public enum Decision { ANSWERED, NOT_CONFIDENT }

    public SearchResult {
        hits = List.copyOf(hits);
    }

    public boolean answered() {
        return decision == Decision.ANSWERED;
    }
}
