package org.sga.core.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.audit.AuditCheckpoint;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditTrail;
import org.sga.core.audit.AuditVerification;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.TriageDialogue;

/** The retention policy and purge over in-memory stores, with invented data only. */
class RetentionPurgeTest {

    private static final Instant NOW = Instant.parse("2026-03-02T10:15:00Z");
    private static final AuditSigningKey KEY = AuditSigningKey.of("invented-retention-test-key-0123456789");

    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final Rows rows = new Rows();
    private final Trail trail = new Trail();
    private final List<String> abandoned = new CopyOnWriteArrayList<>();
    private final ConversationEvents events = new ConversationEvents() {
        @Override
        public void triageAbandoned(String platform, String why) {
            abandoned.add(platform + ":" + why);
        }
    };
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Logger log = Logger.getLogger(RetentionPurge.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        log.removeHandler(capture);
    }

    private RetentionPurge purge(RetentionPolicy policy, AuditSigningKey key) {
        return new RetentionPurge(rows, trail, policy, events, key, clock);
    }

    private static Instant ago(Duration d) {
        return NOW.minus(d);
    }

    /** One of each kind just past its default retention, and one just within it. */
    private void oneOfEachKindEitherSide() {
        rows.conversation("slack", TriageDialogue.STATE_KIND, ago(Duration.ofHours(25)));
        rows.conversation("teams", "something-else", ago(Duration.ofHours(25)));
        rows.conversation("slack", TriageDialogue.STATE_KIND, ago(Duration.ofHours(23)));
        for (Kind kind : List.of(Kind.PROCESSED_EVENT, Kind.UNANSWERED_QUESTION, Kind.ANSWER_VOTE, Kind.DELIVERED_NOTICE,
                Kind.CLOSED_ESCALATION)) {
            Duration retention = kind.retention(RetentionPolicy.defaults());
            rows.add(kind, ago(retention.plusMinutes(1)));
            rows.add(kind, ago(retention.minusMinutes(1)));
        }
        trail.add(NOW.atOffset(ZoneOffset.UTC).minusYears(8).toInstant());
        trail.add(NOW.atOffset(ZoneOffset.UTC).minusYears(6).toInstant());
    }

    @Test
    void givenDataEitherSideOfItsRetention_thenWhatIsPastItGoes_andUnfinishedTriagesAreReportedExpired() {
        oneOfEachKindEitherSide();

        RetentionPurge.Report report = purge(RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(report).isEqualTo(new RetentionPurge.Report(2, 1, 1, 1, 1, 1, 1, 1, false));
        assertThat(abandoned).containsExactly("slack:expired");
        assertThat(rows.conversations).hasSize(1);
        for (Kind kind : Kind.values()) {
            assertThat(rows.left(kind)).as(kind.name()).isEqualTo(1);
        }
        assertThat(trail.records).hasSize(1);
        assertThat(purge(RetentionPolicy.defaults(), KEY).runOnce().total()).isZero();
    }

    @Test
    void givenTheDefaults_thenTheDocumentedRetentions() {
        RetentionPolicy policy = RetentionPolicy.defaults();

        assertThat(policy.conversationState()).isEqualTo(Duration.ofHours(24));
        assertThat(policy.processedEvents()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.unansweredQuestions()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.answerVotes()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.deliveredOutbox()).isEqualTo(Duration.ofDays(30));
        assertThat(policy.audit()).isEqualTo(Period.ofYears(7));
        assertThat(policy.batchSize()).isEqualTo(500);
    }

    @Test
    void givenAuditRecords_thenTheCutoffIsTheStartOfTheUtcDayTheRetentionAgo() {
        trail.add(Instant.parse("2019-03-01T23:59:59Z"));
        trail.add(Instant.parse("2019-03-02T00:00:00Z"));
        trail.add(Instant.parse("2019-03-02T09:00:00Z"));

        RetentionPurge.Report report = purge(RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(trail.cutoffs).containsOnly(Instant.parse("2019-03-02T00:00:00Z"));
        assertThat(report.auditRecords()).isEqualTo(1);
        assertThat(trail.records).hasSize(2);
    }

    @Test
    void givenZeroRetention_thenThatKindIsKept_andItsStoreNotAsked() {
        oneOfEachKindEitherSide();
        RetentionPolicy keepQuestionsAndAudit = new RetentionPolicy(500, Duration.ofHours(24), Duration.ofDays(7),
                Duration.ZERO, Duration.ofDays(90), Duration.ofDays(30), Period.ZERO);

        RetentionPurge.Report report = purge(keepQuestionsAndAudit, KEY).runOnce();

        assertThat(report.unansweredQuestions()).isZero();
        assertThat(report.auditRecords()).isZero();
        assertThat(report.conversations()).isEqualTo(2);
        assertThat(rows.calls.get(Kind.UNANSWERED_QUESTION)).isNull();
        assertThat(trail.cutoffs).isEmpty();
    }

    @Test
    void givenMoreThanABatch_thenBatchesRunUntilOneFindsNothing() {
        for (int i = 0; i < 25; i++) {
            rows.add(Kind.PROCESSED_EVENT, ago(Duration.ofDays(8)));
            trail.add(NOW.atOffset(ZoneOffset.UTC).minusYears(9).toInstant());
        }

        RetentionPurge.Report report = purge(RetentionPolicy.defaults().withBatchSize(4), KEY).runOnce();

        assertThat(report.processedEvents()).isEqualTo(25);
        assertThat(report.auditRecords()).isEqualTo(25);
        // Seven batches find rows (4 × 6 + 1), the eighth finds none.
        assertThat(rows.calls.get(Kind.PROCESSED_EVENT)).isEqualTo(8);
        assertThat(trail.cutoffs).hasSize(8);
    }

    @Test
    void givenAKindThatFails_thenTheOthersStillRun_andOnlyTheFailuresClassIsLogged() {
        oneOfEachKindEitherSide();
        rows.failing = Kind.UNANSWERED_QUESTION;

        RetentionPurge.Report report = purge(RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(report.unansweredQuestions()).isZero();
        assertThat(report.answerVotes()).isEqualTo(1);
        assertThat(report.auditRecords()).isEqualTo(1);
        assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo("Retention purge of unanswered questions stopped"
                        + " after 0 rows: java.lang.IllegalStateException"));
    }

    @Test
    void givenNoSigningKey_thenAuditRecordsAreKeptWithOneWarning() {
        oneOfEachKindEitherSide();
        RetentionPurge purge = purge(RetentionPolicy.defaults(), null);

        assertThat(purge.runOnce().auditRecords()).isZero();
        assertThat(purge.runOnce().auditRecords()).isZero();

        assertThat(trail.cutoffs).isEmpty();
        assertThat(trail.records).hasSize(2);
        assertThat(logged).filteredOn(r -> r.getMessage().contains(AuditSigningKey.ENV)).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo("Audit records older than P7Y are kept: they are"
                        + " purged only under a signed checkpoint, and SGA_AUDIT_SIGNING_KEY is not set"));
    }

    @Test
    void givenAuditRecordsThatDoNotVerify_thenNoneArePurged_andTheRunSaysSo() {
        trail.add(NOW.atOffset(ZoneOffset.UTC).minusYears(8).toInstant());
        trail.broken = true;

        RetentionPurge.Report report = purge(RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(report.auditRefused()).isTrue();
        assertThat(report.auditRecords()).isZero();
        assertThat(trail.records).hasSize(1);
        assertThat(logged).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).startsWith("Audit purge stopped: the records due do not verify"
                        + " (record 1: LINK_BROKEN").endsWith("Run 'audit verify'."));
    }

    @Test
    void givenStopping_thenEachKindEndsAfterTheBatchUnderWay() {
        for (int i = 0; i < 10; i++) {
            rows.add(Kind.ANSWER_VOTE, ago(Duration.ofDays(91)));
        }
        RetentionPurge purge = purge(RetentionPolicy.defaults().withBatchSize(3), KEY);
        purge.stopping(true);

        assertThat(purge.runOnce().answerVotes()).isEqualTo(3);

        purge.stopping(false);
        assertThat(purge.runOnce().answerVotes()).isEqualTo(7);
    }

    @Test
    void givenSomethingPurged_thenOneLineOfCountsIsLogged_andNothingElse() {
        oneOfEachKindEitherSide();

        purge(RetentionPolicy.defaults(), KEY).runOnce();

        assertThat(logged).filteredOn(r -> r.getLevel() == Level.INFO).singleElement()
                .satisfies(r -> assertThat(r.getMessage()).isEqualTo("Retention purge: 2 conversation states (1 unfinished"
                        + " triages expired), 1 processed events, 1 unanswered questions, 1 answer votes, 1 delivered"
                        + " notices, acknowledgements of 1 closed escalations, 1 audit records"));
    }

    /** The kinds of rows the store purges by age alone. */
    private enum Kind {
        PROCESSED_EVENT, UNANSWERED_QUESTION, ANSWER_VOTE, DELIVERED_NOTICE, CLOSED_ESCALATION;

        Duration retention(RetentionPolicy policy) {
            return switch (this) {
                case PROCESSED_EVENT -> policy.processedEvents();
                case UNANSWERED_QUESTION -> policy.unansweredQuestions();
                case ANSWER_VOTE -> policy.answerVotes();
                case DELIVERED_NOTICE, CLOSED_ESCALATION -> policy.deliveredOutbox();
            };
        }
    }

    /** The retention port in memory: rows by kind with their time, deleted oldest first, up to the batch. */
    private static final class Rows implements RetentionStore {

        record Conversation(ConversationKey key, String kind, Instant updatedAt) {
        }

        final List<Conversation> conversations = new ArrayList<>();
        final Map<Kind, List<Instant>> byKind = new EnumMap<>(Kind.class);
        final Map<Kind, Integer> calls = new EnumMap<>(Kind.class);
        Kind failing;

        void conversation(String platform, String kind, Instant updatedAt) {
            int n = conversations.size();
            conversations.add(new Conversation(new ConversationKey(platform, "C" + n, "U" + n), kind, updatedAt));
        }

        void add(Kind kind, Instant at) {
            byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(at);
        }

        int left(Kind kind) {
            return byKind.getOrDefault(kind, List.of()).size();
        }

        @Override
        public List<ExpiredConversation> purgeConversations(Instant cutoff, int max) {
            List<ExpiredConversation> purged = new ArrayList<>();
            for (Iterator<Conversation> it = conversations.iterator(); it.hasNext() && purged.size() < max; ) {
                Conversation c = it.next();
                if (c.updatedAt().isBefore(cutoff)) {
                    it.remove();
                    purged.add(new ExpiredConversation(c.key(), c.kind(), 1));
                }
            }
            return purged;
        }

        private int purge(Kind kind, Instant cutoff, int max) {
            calls.merge(kind, 1, Integer::sum);
            if (kind == failing) {
                throw new IllegalStateException("the invented database is down");
            }
            List<Instant> times = byKind.getOrDefault(kind, new ArrayList<>());
            int deleted = 0;
            for (Iterator<Instant> it = times.iterator(); it.hasNext() && deleted < max; ) {
                if (it.next().isBefore(cutoff)) {
                    it.remove();
                    deleted++;
                }
            }
            return deleted;
        }

        @Override
        public int purgeProcessedEvents(Instant cutoff, int max) {
            return purge(Kind.PROCESSED_EVENT, cutoff, max);
        }

        @Override
        public int purgeUnansweredQuestions(Instant cutoff, int max) {
            return purge(Kind.UNANSWERED_QUESTION, cutoff, max);
        }

        @Override
        public int purgeAnswerVotes(Instant cutoff, int max) {
            return purge(Kind.ANSWER_VOTE, cutoff, max);
        }

        @Override
        public int purgeDeliveredOutbox(Instant cutoff, int max) {
            return purge(Kind.DELIVERED_NOTICE, cutoff, max);
        }

        @Override
        public int purgeClosedEscalations(Instant cutoff, int max) {
            return purge(Kind.CLOSED_ESCALATION, cutoff, max);
        }
    }

    /** The audit trail in memory, as far as retention uses it: records purged from the start, before the cutoff. */
    private static final class Trail implements AuditTrail {

        final List<Instant> records = new ArrayList<>();
        final List<Instant> cutoffs = new ArrayList<>();
        boolean broken;

        void add(Instant at) {
            records.add(at);
        }

        @Override
        public AuditPurge purgeBefore(Instant cutoff, AuditSigningKey key, int max) {
            cutoffs.add(cutoff);
            Predicate<Instant> due = at -> at.isBefore(cutoff);
            if (broken && !records.isEmpty() && due.test(records.get(0))) {
                return AuditPurge.refused(new AuditVerification.Break(1, AuditVerification.Problem.LINK_BROKEN,
                        "an invented edit"));
            }
            long purged = 0;
            while (purged < max && !records.isEmpty() && due.test(records.get(0))) {
                records.remove(0);
                purged++;
            }
            return new AuditPurge(purged, Optional.empty(), Optional.empty());
        }

        @Override
        public AuditRecord append(AuditEntry entry) {
            throw new UnsupportedOperationException("retention never appends");
        }

        @Override
        public AuditVerification verify(AuditSigningKey key) {
            throw new UnsupportedOperationException("retention never verifies the whole trail");
        }

        @Override
        public List<AuditCheckpoint> checkpoints() {
            return List.of();
        }

        @Override
        public long export(Instant from, Instant to, Writer out) {
            return 0;
        }

        @Override
        public List<AuditRecord> forRef(String ref) {
            return List.of();
        }
    }
}
