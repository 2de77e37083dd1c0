package org.sga.core.search;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.sga.core.values.BackgroundWork;

/**
 * A searcher whose index is built on a thread of its own, so the application can greet people (or report
 * "not ready" to a load balancer) while the embedding model loads; the first question waits for it.
 */
public final class BackgroundSearcher implements Searcher {

    private final CompletableFuture<SectionIndex> index;

    public BackgroundSearcher(Supplier<SectionIndex> build) {
        this.index = BackgroundWork.supply("search-index-builder", build);
    }

    @Override
    public SearchResult search(String question, int maxHits) {
        return index.join().search(question, maxHits);
    }

    /** Where the build is. */
    public enum State { BUILDING, READY, FAILED }

    /** Building, ready, or failed (the failure is rethrown by {@link #await()} and each search). */
    public State state() {
        if (!index.isDone()) {
            return State.BUILDING;
        }
        return index.isCompletedExceptionally() ? State.FAILED : State.READY;
    }

    /** True once the index is built; false while building or if building failed. */
    public boolean ready() {
        return index.isDone() && !index.isCompletedExceptionally();
    }

    /** Waits for the index; rethrows the build's failure (e.g. a content error) so start-up can stop on it. */
    public SectionIndex await() {
        return index.join();
    }
}
