package org.sga.app.ops;

import org.sga.core.search.BackgroundSearcher;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Ready when the search index (and its embedding model) is built; out of service while it builds, so the load
 * balancer sends questions elsewhere; down if building failed.
 */
public final class SearchIndexHealth implements HealthIndicator {

    private final BackgroundSearcher searcher;

    public SearchIndexHealth(BackgroundSearcher searcher) {
        this.searcher = searcher;
    }

    @Override
    public Health health() {
        return switch (searcher.state()) {
            case READY -> Health.up().build();
            case BUILDING -> Health.outOfService().withDetail("index", "building").build();
            case FAILED -> Health.down().withDetail("index", "build failed; see the log").build();
        };
    }
}
