package org.sga.app.teams;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;
import org.sga.teams.TeamsReference;

/** Conversation references on the embedded H2 database and on PostgreSQL, through the real migrations. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcConversationReferencesTest {

    EmbeddedPostgres postgres;
    Instant now = Instant.parse("2026-11-28T09:00:00Z");

    @BeforeAll
    void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }

    private JdbcConversationReferences references(String db) {
        String url = db.equals("h2") ? "jdbc:h2:mem:refs-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"
                : postgres.getJdbcUrl("postgres", "postgres");
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        };
        Store store = StoreFactory.open(url, db.equals("h2") ? "sa" : "postgres", db.equals("h2") ? "" : "postgres", 2, clock);
        return new JdbcConversationReferences(store.dataSource(), clock);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void givenSavedTwice_thenLatestKeptAndFound(String db) {
        JdbcConversationReferences refs = references(db);
        String channel = "19:" + UUID.randomUUID() + "@thread.tacv2";

        refs.save(new TeamsReference(channel, "https://smba.example/emea/", "tenant-" + db, "channel", "19:team"));
        now = now.plusSeconds(60);
        refs.save(new TeamsReference(channel, "https://smba.example/uk/", "tenant-" + db, "channel", "19:team"));

        assertThat(refs.find(channel)).contains(new TeamsReference(channel, "https://smba.example/uk/", "tenant-" + db,
                "channel", "19:team"));
        assertThat(refs.find("19:unknown")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void latestInTenant_isTheMostRecentlySeen(String db) {
        JdbcConversationReferences refs = references(db);
        String tenant = "tenant-" + UUID.randomUUID();

        refs.save(new TeamsReference("a:old-" + tenant, "https://smba.example/old/", tenant, "personal", null));
        now = now.plusSeconds(60);
        refs.save(new TeamsReference("a:new-" + tenant, "https://smba.example/new/", tenant, "personal", null));

        assertThat(refs.latestInTenant(tenant)).hasValueSatisfying(r -> assertThat(r.serviceUrl()).isEqualTo("https://smba.example/new/"));
        assertThat(refs.latestInTenant("another")).isEmpty();
        assertThat(refs.latestInTenant(null)).isEmpty();
    }
}
