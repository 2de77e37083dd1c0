package org.sga.app.safety;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.content.ShippedContent;
import org.sga.app.cli.Triage;
import org.sga.app.feedback.UnansweredQuestions;
import org.sga.app.notify.ConsoleNotifier;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;
import org.sga.content.Library;
import org.sga.core.retention.RetentionPolicy;
import org.sga.core.retention.RetentionPurge;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.ConversationEvents;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.TriageDialogue;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.triage.TriageEngine;
import org.slf4j.LoggerFactory;

/**
 * Safety rule: message text never goes into logs at INFO (or above), through a question, an unanswered question kept
 * for the content owners, a triage, a delivery and a retention purge.
 */
class NoMessageTextInLogsTest {

    private static final String QUESTION = "Zebrafinch pupil sent nudes to Quokkaville boys, what now";
    private static final String NOTE = "Marmalade-Teapot saw it at break on the field";
    private static final String UNANSWERED = "how many days of annual leave do Zebrafinch staff at Quokkaville get";

    @TempDir
    Path dataDir;

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();
    /** Some of the core logs through java.util.logging (System.Logger); capture that too. */
    private final List<String> julMessages = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.logging.Handler jul = new java.util.logging.Handler() {
        @Override
        public void publish(java.util.logging.LogRecord r) {
            if (r.getLevel().intValue() >= java.util.logging.Level.INFO.intValue()) {
                String params = r.getParameters() == null ? "" : java.util.Arrays.toString(r.getParameters());
                julMessages.add(r.getMessage() + params + (r.getThrown() == null ? "" : r.getThrown().getMessage()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Logger root;
    private Level before;

    @BeforeEach
    void captureEverythingFromInfoUp() {
        root = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        before = root.getLevel();
        root.setLevel(Level.INFO);
        events.start();
        root.addAppender(events);
        java.util.logging.Logger.getLogger("").addHandler(jul);
    }

    @AfterEach
    void restore() {
        root.detachAppender(events);
        root.setLevel(before);
        java.util.logging.Logger.getLogger("").removeHandler(jul);
    }

    @Test
    void questionsNotesAndEscalationsLeaveNoTextInTheLogs() throws Exception {
        Library library = ShippedContent.SOURCE.library();
        TriageEngine engine = Triage.engine(library);
        MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (Store store = StoreFactory.openEmbedded(dataDir, clock)) {
            EscalationService escalations = new EscalationService(RoutingConfig.defaults(), engine.definition(),
                    store.escalations(), new EscalationRecords(store.auditTrail()), clock);
            Answers answers = new Answers(library);
            ConversationEvents listeners = ConversationEvents.all(List.of(new UnansweredQuestions(store.contentFeedback())));
            Assistant assistant = new Assistant(ShippedContent.SOURCE.index(library, false), answers, ShippedContent.SOURCE.dangerSignals(),
                    new TriageDialogue(engine, store.conversations(), escalations, answers, ShippedContent.SOURCE.dangerSignals(), clock,
                            listeners), null, listeners);
            for (String text : List.of(QUESTION, UNANSWERED, "report a concern", "no", "child", "yes", "yes", "yes", NOTE)) {
                assistant.handle(InboundMessage.direct("console", "teacher-1", text));
            }
            // A second triage left unfinished; 100 days later the retention job purges it and the old question.
            assistant.handle(InboundMessage.direct("console", "teacher-2", "report a concern"));
            List<String> kept = new java.util.ArrayList<>();
            store.contentFeedback().unansweredSince(Instant.EPOCH, q -> kept.add(q.question()));
            assertThat(kept).as("the unanswered question was really kept").contains(UNANSWERED);
            clock.advance(Duration.ofDays(100));
            RetentionPurge.Report purged = new RetentionPurge(store.retention(), store.auditTrail(), RetentionPolicy.defaults(),
                    listeners, null, clock).runOnce();
            assertThat(purged.unansweredQuestions()).isEqualTo(kept.size());
            assertThat(purged.triagesExpired()).isEqualTo(1);
            OutboxWorker worker = new OutboxWorker(store.outbox(), new ConsoleNotifier(new PrintStream(console, true, StandardCharsets.UTF_8)),
                    clock, OutboxWorker.Settings.defaults("log-test"));
            worker.runOnce();
            worker.close();
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).as("the notice was really delivered").contains("Marmalade-Teapot");
        for (String logged : julMessages) {
            assertThat(logged).doesNotContain("Zebrafinch").doesNotContain("Quokkaville").doesNotContain("Marmalade");
        }
        for (ILoggingEvent e : events.list) {
            String logged = e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : e.getThrowableProxy().getMessage());
            assertThat(logged).doesNotContain("Zebrafinch").doesNotContain("Quokkaville").doesNotContain("Marmalade");
        }
    }
}
