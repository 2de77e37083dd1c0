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

class ConversationStoreTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private final MutableClock clock = new MutableClock(Rows.T0);

    @Nested
    class SavingAndLoading {

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNewConversation_whenSaved_thenLoadsWithVersionOneAndTheClockTime(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();

            ConversationState saved = store.save(Rows.CONVERSATION, "triage", "{\"question\":\"immediate_danger\"}", ConversationState.NEW);

            assertThat(saved.version()).isEqualTo(1);
            assertThat(store.load(Rows.CONVERSATION)).contains(saved);
            assertThat(saved.updatedAt()).isEqualTo(Rows.T0);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenNoState_thenLoadIsEmpty(Db db) {
            assertThat(databases.open(db, clock).conversations().load(Rows.CONVERSATION)).isEmpty();
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenSavedState_whenSavedAgainWithItsVersion_thenVersionAdvances(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            ConversationState first = store.save(Rows.CONVERSATION, "triage", "{\"step\":1}", ConversationState.NEW);

            clock.advance(Duration.ofMinutes(1));
            ConversationState second = store.save(Rows.CONVERSATION, "triage", "{\"step\":2}", first.version());

            assertThat(second.version()).isEqualTo(2);
            assertThat(store.load(Rows.CONVERSATION)).hasValueSatisfying(s -> {
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
            long loaded = one.save(Rows.CONVERSATION, "triage", "{\"step\":1}", ConversationState.NEW).version();

            one.save(Rows.CONVERSATION, "triage", "{\"step\":2,\"by\":\"one\"}", loaded);

            assertThatThrownBy(() -> two.save(Rows.CONVERSATION, "triage", "{\"step\":2,\"by\":\"two\"}", loaded))
                    .isInstanceOf(StaleConversationException.class);
            assertThat(two.load(Rows.CONVERSATION)).hasValueSatisfying(s -> assertThat(s.data()).contains("one"));
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenStateExists_whenSavedAsNew_thenStale(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            store.save(Rows.CONVERSATION, "triage", "{}", ConversationState.NEW);

            assertThatThrownBy(() -> store.save(Rows.CONVERSATION, "triage", "{}", ConversationState.NEW))
                    .isInstanceOf(StaleConversationException.class);
        }

        @ParameterizedTest
        @EnumSource(Db.class)
        void givenStateDeletedByAnotherInstance_whenSavedWithOldVersion_thenStale(Db db) {
            ConversationStore store = databases.open(db, clock).conversations();
            long version = store.save(Rows.CONVERSATION, "triage", "{}", ConversationState.NEW).version();

            assertThat(store.delete(Rows.CONVERSATION)).isTrue();

            assertThatThrownBy(() -> store.save(Rows.CONVERSATION, "triage", "{}", version))
                    .isInstanceOf(StaleConversationException.class);
            assertThat(store.load(Rows.CONVERSATION)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenOldAndRecentConversations_whenRetentionRuns_thenOnlyOldOnesAreForgotten(Db db) {
        ConversationStore store = databases.open(db, clock).conversations();
        ConversationKey old = new ConversationKey("teams", "19:old", "user-old");
        store.save(old, "triage", "{}", ConversationState.NEW);
        clock.advance(Duration.ofDays(31));
        store.save(Rows.CONVERSATION, "triage", "{}", ConversationState.NEW);

        int forgotten = store.deleteNotUpdatedSince(clock.instant().minus(Duration.ofDays(30)));

        assertThat(forgotten).isEqualTo(1);
        assertThat(store.load(old)).isEmpty();
        assertThat(store.load(Rows.CONVERSATION)).isPresent();
    }
}
