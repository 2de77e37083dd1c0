package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.conversation.ProcessedEvents;

class ProcessedEventsTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenSameEventTwice_thenFirstTimeOnlyOnce(Db db) {
        ProcessedEvents events = databases.open(db, clock).processedEvents();

        assertThat(events.firstTime("slack", "Ev0TEST0001")).isTrue();
        assertThat(events.firstTime("slack", "Ev0TEST0001")).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenSameIdFromTwoSources_thenEachIsFirstOnce(Db db) {
        ProcessedEvents events = databases.open(db, clock).processedEvents();

        assertThat(events.firstTime("slack", "id-1")).isTrue();
        assertThat(events.firstTime("teams", "id-1")).isTrue();
    }

    /** Two instances, each with its own connection pool, receive every retried event at the same moment. */
    @Test
    void givenTwoDataSourcesOnOnePostgres_whenBothSeeEachEventAtOnce_thenExactlyOneIsFirst() throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(Db.POSTGRESQL);
        ProcessedEvents one = databases.open(fresh, clock).processedEvents();
        ProcessedEvents two = databases.open(fresh, clock).processedEvents();
        int eventCount = 300;
        CyclicBarrier together = new CyclicBarrier(2);
        List<Integer> firsts = AtOnce.run(firsts(one, eventCount, together), firsts(two, eventCount, together));

        assertThat(firsts.get(0) + firsts.get(1)).isEqualTo(eventCount);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenTwoDataSources_whenBothSeeEachEventAtOnce_thenExactlyOneIsFirst(Db db) throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(db);
        ProcessedEvents one = databases.open(fresh, clock).processedEvents();
        ProcessedEvents two = databases.open(fresh, clock).processedEvents();
        CyclicBarrier together = new CyclicBarrier(2);
        List<Integer> firsts = AtOnce.run(firsts(one, 100, together), firsts(two, 100, together));

        assertThat(firsts.get(0) + firsts.get(1)).isEqualTo(100);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenOldEvents_whenRetentionRuns_thenTheyCanBeSeenAgain(Db db) {
        ProcessedEvents events = databases.open(db, clock).processedEvents();
        events.firstTime("slack", "Ev-old");
        clock.advance(Duration.ofDays(2));
        events.firstTime("slack", "Ev-new");

        assertThat(events.forgetSeenBefore(clock.instant().minus(Duration.ofDays(1)))).isEqualTo(1);
        assertThat(events.firstTime("slack", "Ev-old")).isTrue();
        assertThat(events.firstTime("slack", "Ev-new")).isFalse();
    }

    private static Callable<Integer> firsts(ProcessedEvents events, int count, CyclicBarrier together) {
        return () -> {
            List<Boolean> results = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (i % 20 == 0) {
                    together.await();
                }
                results.add(events.firstTime("slack", "Ev" + i));
            }
            return (int) results.stream().filter(Boolean::booleanValue).count();
        };
    }
}
