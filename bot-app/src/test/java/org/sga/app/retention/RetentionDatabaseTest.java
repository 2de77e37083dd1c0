package org.sga.app.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.TestDatabases;
import org.sga.app.store.TestDatabases.Db;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditVerification;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.TriageDialogue;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.retention.RetentionPolicy;
import org.sga.core.retention.RetentionPurge;
import org.springframework.jdbc.core.JdbcTemplate;

/** The core's retention purge over the store's SQL on the real databases, with invented data only. */
class RetentionDatabaseTest {

    @RegisterExtension
    static final TestDatabases databases = new TestDatabases();

    private static final Instant T0 = Instant.parse("2026-03-02T10:15:00Z");
    private static final AuditSigningKey KEY = AuditSigningKey.of("invented-retention-test-key-0123456789");
    private static final String QUESTION = "what does the invented Wombatshire rota say";

    private final MutableClock clock = new MutableClock(T0);

    /** The triage abandonments the job reports, as a metrics listener would see them. */
    private final List<String> abandoned = new CopyOnWriteArrayList<>();
    private final ConversationEvents listener = new ConversationEvents() {
        @Override
        public void triageAbandoned(String platform, String why) {
            abandoned.add(platform + ":" + why);
        }
    };

    private static Instant yearsBefore(int years) {
        return T0.atOffset(java.time.ZoneOffset.UTC).minusYears(years).toInstant();
    }

    private RetentionPurge job(Store store, RetentionPolicy policy, AuditSigningKey key) {
        return new RetentionPurge(store.retention(), store.auditTrail(), policy, ConversationEvents.all(List.of(listener)),
                key, clock);
    }

    private static long count(DataSource db, String table) {
        return new JdbcTemplate(db).queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
    }

    private static OutboxRow notice(String ref, String role, boolean awaitsAcknowledgement) {
        return new OutboxRow(ref, role, OutboxRow.INITIAL, "console", role + "-channel", "{\"ref\":\"" + ref + "\"}",
                "URGENT", T0, awaitsAcknowledgement ? T0.plus(Duration.ofMinutes(30)) : null);
    }

    /** Delivers (or gives up on) every pending notice of {@code ref} at the clock's time. */
    private void settle(Store store, String ref, boolean dead) {
        for (OutboxMessage m : store.outbox().claim("test-worker", clock.instant(), Duration.ofMinutes(1), 50)) {
            if (m.row().escalationRef().equals(ref)) {
                if (dead) {
                    store.outbox().markDead(m.id(), "test-worker", "channel_not_found", clock.instant());
                } else {
                    store.outbox().markDelivered(m.id(), "test-worker", "msg-" + m.id(), clock.instant());
                }
            } else {
                store.outbox().release(m.id(), "test-worker");
            }
        }
    }

    /**
     * On day 0: conversations, events, questions, votes, notices of four escalations, and audit records from eight
     * and six years back. Then three months pass, with a little fresh data on the last day.
     */
    private void threeMonthsOfData(Store store) {
        for (int i = 1; i <= 3; i++) {
            store.auditTrail().append(new AuditEntry("escalation_raised", "SG-OLD-" + i, "{}", yearsBefore(8).plusSeconds(i)));
        }
        store.auditTrail().append(new AuditEntry("escalation_raised", "SG-KEPT-1", "{}", yearsBefore(6)));
        store.conversations().save(new ConversationKey("slack", "D0TRIAGE1", "U0TEST1"), TriageDialogue.STATE_KIND,
                "stage=ASKING\n", ConversationState.NEW);
        store.conversations().save(new ConversationKey("teams", "a:chat", "29:test"), TriageDialogue.STATE_KIND,
                "stage=NOTE\n", ConversationState.NEW);
        store.conversations().save(new ConversationKey("slack", "D0OTHER", "U0TEST2"), "something-else", "x",
                ConversationState.NEW);
        store.processedEvents().firstTime("slack", "Ev0OLD1");
        store.processedEvents().firstTime("teams", "activity-old-1");
        store.contentFeedback().recordUnanswered("slack", QUESTION, null);
        store.contentFeedback().recordVote("teams", "child-abuse-and-ict#4.4", "3.0", false);

        // SG-CLOSED: delivered and acknowledged. SG-PLAIN: delivered, nothing to acknowledge. Both are closed.
        store.outbox().enqueue(notice("SG-CLOSED", "safeguarding_lead", true));
        store.outbox().enqueue(notice("SG-CLOSED", "manager", true));
        store.outbox().enqueue(notice("SG-PLAIN", "safeguarding_lead", false));
        // SG-UNACKED: delivered, never acknowledged. SG-DEAD: one delivered, one given up. Both are still open.
        store.outbox().enqueue(notice("SG-UNACKED", "safeguarding_lead", true));
        store.outbox().enqueue(notice("SG-DEAD", "safeguarding_lead", false));
        store.outbox().enqueue(notice("SG-DEAD", "manager", false));
        settle(store, "SG-CLOSED", false);
        settle(store, "SG-PLAIN", false);
        settle(store, "SG-UNACKED", false);
        for (OutboxMessage m : store.outbox().claim("test-worker", clock.instant(), Duration.ofMinutes(1), 50)) {
            boolean lead = m.row().role().equals("safeguarding_lead");
            if (lead) {
                store.outbox().markDelivered(m.id(), "test-worker", "msg-" + m.id(), clock.instant());
            } else {
                store.outbox().markDead(m.id(), "test-worker", "channel_not_found", clock.instant());
            }
        }
        store.acknowledgements().acknowledge("SG-CLOSED", "safeguarding_lead", "slack:U0DSL", clock.instant());
        store.acknowledgements().acknowledge("SG-CLOSED", "manager", "slack:U0MGR", clock.instant());

        clock.advance(Duration.ofDays(91));
        store.conversations().save(new ConversationKey("slack", "D0FRESH", "U0TEST3"), TriageDialogue.STATE_KIND,
                "stage=ASKING\n", ConversationState.NEW);
        store.processedEvents().firstTime("slack", "Ev0NEW1");
        store.contentFeedback().recordUnanswered("teams", "a fresh invented question", "annual leave");
        store.contentFeedback().recordVote("slack", "child-abuse-and-ict#4.4", "3.0", true);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenThreeMonthsOfData_thenWhatIsPastItsRetentionGoesAndTheRestStays(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store store = databases.open(fresh, clock);
        threeMonthsOfData(store);
        DataSource raw = databases.rawDataSource(fresh);

        RetentionPurge.Report report = job(store, RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(report).isEqualTo(new RetentionPurge.Report(3, 2, 2, 1, 1, 3, 1, 3, false));
        assertThat(abandoned).containsExactlyInAnyOrder("slack:expired", "teams:expired");
        assertThat(store.conversations().load(new ConversationKey("slack", "D0FRESH", "U0TEST3"))).isPresent();
        assertThat(count(raw, "conversation_state")).isEqualTo(1);
        assertThat(count(raw, "processed_event")).isEqualTo(1);
        assertThat(store.processedEvents().firstTime("slack", "Ev0NEW1")).isFalse();
        assertThat(count(raw, "unanswered_question")).isEqualTo(1);
        assertThat(count(raw, "answer_vote")).isEqualTo(1);
        assertThat(store.outbox().entries("SG-CLOSED")).isEmpty();
        assertThat(store.outbox().entries("SG-PLAIN")).isEmpty();
        assertThat(store.outbox().entries("SG-UNACKED")).hasSize(1);
        assertThat(store.outbox().entries("SG-DEAD")).hasSize(2);
        // SG-CLOSED's acknowledgements and deadlines went with its notices; SG-UNACKED still waits for its lead.
        assertThat(store.acknowledgements().find("SG-CLOSED", "safeguarding_lead")).isEmpty();
        assertThat(count(raw, "acknowledgement")).isZero();
        assertThat(new JdbcTemplate(raw).queryForList("SELECT escalation_ref FROM ack_deadline", String.class))
                .containsExactly("SG-UNACKED");
        assertThat(store.outbox().openEscalations()).extracting(o -> o.ref()).containsExactlyInAnyOrder("SG-UNACKED", "SG-DEAD");
        assertThat(store.auditTrail().forRef("SG-OLD-3")).isEmpty();
        assertThat(store.auditTrail().forRef("SG-KEPT-1")).hasSize(1);
        AuditVerification verified = store.auditTrail().verify(KEY);
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        assertThat(verified.recordsPurged()).isEqualTo(3);

        RetentionPurge.Report again = job(store, RetentionPolicy.defaults(), KEY).runOnce();
        assertThat(again).isEqualTo(new RetentionPurge.Report(0, 0, 0, 0, 0, 0, 0, 0, false));
        assertThat(abandoned).hasSize(2);
    }

    @Test
    void givenNoSigningKey_thenAuditRecordsAreKept() {
        Store store = databases.open(Db.H2, clock);
        threeMonthsOfData(store);
        RetentionPurge job = job(store, RetentionPolicy.defaults(), null);

        assertThat(job.runOnce().auditRecords()).isZero();
        assertThat(job.runOnce().auditRecords()).isZero();

        assertThat(store.auditTrail().forRef("SG-OLD-1")).hasSize(1);
        assertThat(store.auditTrail().checkpoints()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenALateAcknowledgement_thenItIsKeptForTheFullRetentionAfterIt(Db db) {
        Store store = databases.open(databases.fresh(db), clock);
        store.outbox().enqueue(notice("SG-LATE", "safeguarding_lead", true));
        settle(store, "SG-LATE", false);
        clock.advance(Duration.ofDays(70));
        store.acknowledgements().acknowledge("SG-LATE", "safeguarding_lead", "slack:U0DSL", clock.instant());
        clock.advance(Duration.ofDays(21));
        RetentionPurge job = job(store, RetentionPolicy.defaults(), KEY);

        RetentionPurge.Report day91 = job.runOnce();

        // The notice (delivered on day 0) is past 30 days; the acknowledgement (day 70) is not yet.
        assertThat(day91.deliveredNotices()).isEqualTo(1);
        assertThat(day91.closedEscalations()).isZero();
        assertThat(store.acknowledgements().find("SG-LATE", "safeguarding_lead")).isPresent();
        assertThat(store.outbox().openEscalations()).isEmpty();

        clock.advance(Duration.ofDays(10));
        assertThat(job.runOnce().closedEscalations()).isEqualTo(1);
        assertThat(store.acknowledgements().find("SG-LATE", "safeguarding_lead")).isEmpty();
        assertThat(store.outbox().openEscalations()).isEmpty();
    }

    @Test
    void givenZeroRetention_thenThatKindIsKept() {
        Store store = databases.open(Db.H2, clock);
        threeMonthsOfData(store);
        RetentionPolicy keepQuestions = new RetentionPolicy(500, Duration.ofHours(24), Duration.ofDays(7), Duration.ZERO,
                Duration.ofDays(90), Duration.ofDays(30), Period.ZERO);

        RetentionPurge.Report report = job(store, keepQuestions, KEY).runOnce();

        assertThat(report.unansweredQuestions()).isZero();
        assertThat(report.auditRecords()).isZero();
        assertThat(report.conversations()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(Db.class)
    void givenMoreThanABatch_thenAllIsPurgedInSeveralSmallOnes(Db db) {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store store = databases.open(fresh, clock);
        for (int i = 0; i < 25; i++) {
            store.processedEvents().firstTime("slack", "Ev0BATCH" + i);
            store.contentFeedback().recordUnanswered("slack", "invented question " + i, null);
            store.conversations().save(new ConversationKey("slack", "D0B" + i, "U0B" + i), TriageDialogue.STATE_KIND, "",
                    ConversationState.NEW);
            store.auditTrail().append(new AuditEntry("escalation_raised", "SG-B-" + i, "{}", yearsBefore(9)));
        }
        clock.advance(Duration.ofDays(100));

        RetentionPurge.Report report = job(store, RetentionPolicy.defaults().withBatchSize(4), KEY).runOnce();

        assertThat(report.processedEvents()).isEqualTo(25);
        assertThat(report.unansweredQuestions()).isEqualTo(25);
        assertThat(report.conversations()).isEqualTo(25);
        assertThat(report.triagesExpired()).isEqualTo(25);
        assertThat(report.auditRecords()).isEqualTo(25);
        assertThat(store.auditTrail().checkpoints()).hasSize(7);
        assertThat(store.auditTrail().verify(KEY).ok()).isTrue();
        assertThat(abandoned).hasSize(25);
    }

    /** Two instances on one database run the job at the same moment: each row is purged, and reported, once. */
    @ParameterizedTest
    @EnumSource(Db.class)
    void givenTwoInstancesPurgingAtOnce_thenEachRowIsPurgedAndReportedOnce(Db db) throws Exception {
        TestDatabases.Fresh fresh = databases.fresh(db);
        Store one = databases.open(fresh, clock);
        Store two = databases.open(fresh, clock);
        for (int i = 0; i < 300; i++) {
            one.processedEvents().firstTime("slack", "Ev0RACE" + i);
            one.conversations().save(new ConversationKey("teams", "c" + i, "u" + i), TriageDialogue.STATE_KIND, "",
                    ConversationState.NEW);
            one.contentFeedback().recordVote("slack", "child-abuse-and-ict#4.4", "3.0", i % 2 == 0);
        }
        one.unitOfWork().run(() -> {
            for (int i = 0; i < 300; i++) {
                one.auditTrail().append(new AuditEntry("escalation_raised", "SG-R-" + i, "{}", yearsBefore(8)));
            }
        });
        clock.advance(Duration.ofDays(100));
        RetentionPolicy small = RetentionPolicy.defaults().withBatchSize(20);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<RetentionPurge.Report> reports = new ArrayList<>();
        try {
            List<Callable<RetentionPurge.Report>> runs = List.of(() -> job(one, small, KEY).runOnce(),
                    () -> job(two, small, KEY).runOnce());
            for (Future<RetentionPurge.Report> f : threads.invokeAll(runs)) {
                reports.add(f.get());
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(reports.stream().mapToLong(RetentionPurge.Report::conversations).sum()).isEqualTo(300);
        assertThat(reports.stream().mapToLong(RetentionPurge.Report::processedEvents).sum()).isEqualTo(300);
        assertThat(reports.stream().mapToLong(RetentionPurge.Report::answerVotes).sum()).isEqualTo(300);
        assertThat(reports.stream().mapToLong(RetentionPurge.Report::auditRecords).sum()).isEqualTo(300);
        assertThat(abandoned).hasSize(300);
        DataSource raw = databases.rawDataSource(fresh);
        assertThat(count(raw, "conversation_state") + count(raw, "processed_event") + count(raw, "answer_vote")
                + count(raw, "audit_record")).isZero();
        AuditVerification verified = two.auditTrail().verify(KEY);
        assertThat(verified.ok()).as(verified.toString()).isTrue();
        assertThat(verified.recordsPurged()).isEqualTo(300);
    }
}
