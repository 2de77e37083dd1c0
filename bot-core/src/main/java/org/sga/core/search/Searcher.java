package org.sga.core.search;

/** Something that ranks sections for a question in plain text; {@link SectionIndex} and the baseline both are. */
public interface Searcher {
    SearchResult search(String question, int maxHits);
}
