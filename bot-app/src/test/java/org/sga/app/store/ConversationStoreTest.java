package org.sga.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.StaleConversationException;
import org.sga.core.testkit.MutableClock;

class ConversationStoreTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final ConversationKey KEY = new ConversationKey("slack", "D0TEST01", "U0TEST01");

    private final MutableClock clock = new MutableClock(Rows.T0);

    @Nested
    class SavingAndLoading {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNewConversation_whenSaved_thenLoadsWithVersionOneAndTheClockTime(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();

            ConversationState saved = store.save(KEY, "triage", "{\"question\":\"immediate_danger\"}", ConversationState.NEW);

            assertThat(saved.version()).isEqualTo(1);
            assertThat(store.load(KEY)).contains(saved);
            assertThat(saved.updatedAt()).isEqualTo(Rows.T0);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNoState_thenLoadIsEmpty(Db db) {
            assertThat(databases.open(db, clock).conversations().load(KEY)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSavedState_whenSavedAgainWithItsVersion_thenVersionAdvances(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            ConversationState first = store.save(KEY, "triage", "{\"step\":1}", ConversationState.NEW);

            clock.advance(Duration.ofMinutes(1));
            ConversationState second = store.save(KEY, "triage", "{\"step\":2}", first.version());

            assertThat(second.version()).isEqualTo(2);
            assertThat(store.load(KEY)).hasValueSatisfying(s -> {
                assertThat(s.data()).isEqualTo("{\"step\":2}");
                assertThat(s.updatedAt()).isEqualTo(Rows.T0.plus(Duration.ofMinutes(1)));
            });
        }
    }

    @Nested
    class OptimisticVersioning {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenTwoInstancesLoadedTheSameVersion_whenBothSave_thenTheSecondIsStaleAndTheFirstStands(Db db) {
            TestDatabases.Fresh fresh = databases.fresh(db);
            ConversationStore one = databases.open(fresh, clock).conversations();
            ConversationStore two = databases.open(fresh, clock).conversations();
            long loaded = one.save(KEY, "triage", "{\"step\":1}", ConversationState.NEW).version();

            one.save(KEY, "triage", "{\"step\":2,\"by\":\"one\"}", loaded);

            assertThatThrownBy(() -> two.save(KEY, "triage", "{\"step\":2,\"by\":\"two\"}", loaded))
                    .isInstanceOf(StaleConversationException.class);
            assertThat(two.load(KEY)).hasValueSatisfying(s -> assertThat(s.data()).contains("one"));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenStateExists_whenSavedAsNew_thenStale(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            store.save(KEY, "triage", "{}", ConversationState.NEW);

            assertThatThrownBy(() -> store.save(KEY, "triage", "{}", ConversationState.NEW))
                    .isInstanceOf(StaleConversationException.class);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenStateDeletedByAnotherInstance_whenSavedWithOldVersion_thenStale(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            long version = store.save(KEY, "triage", "{}", ConversationState.NEW).version();

            assertThat(store.delete(KEY)).isTrue();

            assertThatThrownBy(() -> store.save(KEY, "triage", "{}", version))
                    .isInstanceOf(StaleConversationException.class);
            assertThat(store.load(KEY)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenOldAndRecentConversations_whenRetentionRuns_thenOnlyOldOnesAreForgotten(Db db) {
        ConversationStore store = databases.open(db, clock).conversations();
        ConversationKey old = new ConversationKey("teams", "19:old", "user-old");
        store.save(old, "triage", "{}", ConversationState.NEW);
        clock.advance(Duration.ofDays(31));
        store.save(KEY, "triage", "{}", ConversationState.NEW);

        int forgotten = store.deleteNotUpdatedSince(clock.instant().minus(Duration.ofDays(30)));

        assertThat(forgotten).isEqualTo(1);
        assertThat(store.load(old)).isEmpty();
        assertThat(store.load(KEY)).isPresent();
    }
}
