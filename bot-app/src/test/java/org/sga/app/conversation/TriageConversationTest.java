package org.sga.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.content.Content;
import org.sga.app.cli.Triage;
import org.sga.app.store.MutableClock;
import org.sga.app.store.Store;
import org.sga.app.store.StoreFactory;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.sga.core.conversation.TriageDialogue;
import org.sga.core.escalation.AcknowledgementPolicy;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.search.SectionIndex;
import org.sga.core.triage.TriageEngine;

/** The triage dialogue scripted end to end through the assistant, on the real embedded store. */
class TriageConversationTest {

    private static final Library LIBRARY = Content.library();
    private static final SectionIndex LEXICAL = Content.index(LIBRARY, false);
    private static final TriageEngine ENGINE = Triage.engine(LIBRARY);
    /** Monday 7 December 2026, 10:00 in London: inside the default office hours. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T10:00:00Z");

    @TempDir
    Path dataDir;

    private MutableClock clock;
    private Store store;
    private Assistant assistant;

    @BeforeEach
    void open() {
        clock = new MutableClock(MONDAY_MORNING);
        store = StoreFactory.openEmbedded(dataDir, clock);
        assistant = assistant(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Assistant assistant(Store on) {
        EscalationRecords records = new EscalationRecords(on.auditTrail());
        EscalationService escalations = new EscalationService(RoutingConfig.defaults(), ENGINE.definition(), on.escalations(),
                records, clock);
        // The console has no channels people are in; here two duty officers are in the lead's, as a platform would say.
        ChannelMembership roster = (channel, actor) -> channel.equals("safeguarding_lead")
                && List.of("dsl-1", "dsl-2").contains(actor.userId())
                ? ChannelMembership.Answer.MEMBER : ChannelMembership.Answer.NOT_MEMBER;
        AcknowledgementPolicy acks = new AcknowledgementPolicy(records, on.acknowledgements(), on.escalations(),
                on.outbox(), on.unitOfWork(), roster, clock, EscalationEvents.NONE);
        Answers answers = new Answers(LIBRARY);
        return new Assistant(LEXICAL, answers, Content.dangerSignals(),
                new TriageDialogue(ENGINE, on.conversations(), escalations, answers), acks);
    }

    private Reply say(String text) {
        return say("teacher-1", text);
    }

    private Reply say(String user, String text) {
        return assistant.handle(InboundMessage.direct("console", user, text));
    }

    @Test
    void givenAnswersByNumberWordAndLabel_thenTheOutcomeIsCitedAndTheRolesAreNotified() {
        assertThat(say("report a concern").text()).contains("Is a child in immediate danger right now?");
        assertThat(say("2").text()).contains("Who is the concern about?");
        assertThat(say("a child who is being harmed or is at risk online").text()).contains("images or videos");
        assertThat(say("yes").text()).contains("posted or shared online");
        assertThat(say("Yes").text()).contains("post the images or videos themselves");
        Reply noteRequest = say("no");
        assertThat(noteRequest.kind()).isEqualTo(Reply.Kind.TRIAGE_QUESTION);
        assertThat(noteRequest.choices()).extracting(c -> c.value()).containsExactly("send");

        Reply outcome = say("send");

        assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
        assertThat(outcome.urgent()).isNull();
        assertThat(outcome.checklist()).extracting(Reply.ChecklistItem::code).containsExactly("INFORM_MANAGER",
                "SAFER_REFERRAL", "CONTACT_POLICE", "PRESERVE_EVIDENCE", "ALERT_PROVIDER", "SECURE_STORAGE",
                "KEEP_MONITORING", "RECORD_INCIDENT");
        assertThat(outcome.checklist()).allSatisfy(item -> assertThat(item.cites()).isNotEmpty());
        assertThat(outcome.text()).contains("Reference SG-").contains("urgency URGENT")
                .contains("Notified: your manager, the designated safeguarding lead");
        String ref = outcome.text().replaceAll("(?s).*Reference (SG-[A-Z0-9-]+).*", "$1");
        assertThat(store.auditTrail().forRef(ref)).hasSize(1);
        assertThat(store.outbox().entries(ref)).extracting(e -> e.row().role())
                .containsExactlyInAnyOrder("manager", "safeguarding_lead");
    }

    @Test
    void givenImmediateDanger_thenCall999ComesFirstFromTheFirstAnswerOn() {
        say("triage");
        Reply next = say("yes");
        assertThat(next.urgent()).contains("call 999");
        say("child_harmed");
        say("no");
        Reply outcome = say("send");
        assertThat(outcome.urgent()).contains("call 999");
        assertThat(outcome.checklist().get(0).code()).isEqualTo("CALL_999");
    }

    @Test
    void anAnswerThatFitsNoOptionIsRefusedAndTheQuestionAskedAgain() {
        say("I'm worried about a pupil in my class");
        Reply refused = say("perhaps tomorrow");
        assertThat(refused.text()).contains("is not one of the answers").contains("Is a child in immediate danger right now?");
        assertThat(say("5").text()).contains("is not one of the answers");
        assertThat(say("no").text()).contains("Who is the concern about?");
    }

    @Test
    void inASharedChannelTheReportIsNotTakenButMovedToAPersonalChat() {
        Reply reply = assistant.handle(new InboundMessage("teams", "19:staffroom@thread.tacv2", "teacher-1", "report a concern", false, true));
        assertThat(reply.kind()).isEqualTo(Reply.Kind.NOTICE);
        assertThat(reply.text()).contains("personal chat");
        assertThat(store.conversations().load(new org.sga.core.conversation.ConversationKey("teams", "19:staffroom@thread.tacv2",
                "teacher-1"))).isEmpty();
    }

    @Nested
    class Navigation {

        @Test
        void backUndoesTheLastAnswer() {
            say("report a concern");
            say("no");
            say("adult");
            assertThat(say("back").text()).contains("Who is the concern about?");
            assertThat(say("colleague").text()).contains("images or videos");
        }

        @Test
        void restartStartsAgainAndCancelStopsWithNothingSent() {
            say("report a concern");
            say("no");
            assertThat(say("restart").text()).contains("Starting again").contains("immediate danger");
            say("no");
            Reply cancelled = say("cancel");
            assertThat(cancelled.text()).contains("Nothing has been sent");
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            assertThat(say("what is grooming").kind()).isIn(Reply.Kind.ANSWER, Reply.Kind.NOT_CONFIDENT);
        }

        @Test
        void afterTheProcessRestarts_theConversationResumesAtTheQuestionItStoppedOn() {
            say("report a concern");
            say("no");
            say("colleague");
            store.close();
            store = StoreFactory.openEmbedded(dataDir, clock);
            assistant = assistant(store);
            Reply resumed = say("no");
            assertThat(resumed.text()).contains("Is the colleague your line manager");
        }
    }

    @Nested
    class Note {

        private void answerColleagueNotConfident() {
            say("report a concern");
            say("no");
            say("colleague");
            say("no");
            say("no");
            say("no");
        }

        @Test
        void givenANote_thenItTravelsWithTheEscalationOnly() {
            answerColleagueNotConfident();
            Reply outcome = say("Mr X messaged a year 9 pupil late at night.");
            assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
            String notified = outcome.text().substring(outcome.text().indexOf("Notified:"));
            assertThat(notified).doesNotContain("your manager").contains("allegations officer");
            String ref = outcome.text().replaceAll("(?s).*Reference (SG-[A-Z0-9-]+).*", "$1");
            List<OutboxEntry> rows = store.outbox().entries(ref);
            assertThat(rows).extracting(e -> e.row().role()).doesNotContain("manager");
            assertThat(rows).allSatisfy(r -> assertThat(r.row().payload()).contains("Mr X messaged a year 9 pupil late at night."));
            assertThat(store.auditTrail().forRef(ref).get(0).payload()).doesNotContain("Mr X");
        }

        @Test
        void aNoteThatIsTooLongIsRefusedAndNothingIsSent() {
            answerColleagueNotConfident();
            Reply refused = say("x".repeat(1_200));
            assertThat(refused.text()).contains("keep it under");
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(say("send").kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
        }
    }

    @Test
    void anAcknowledgementByTextTellsWhoAcknowledgedAndTellsTheReporter() {
        say("report a concern");
        say("no");
        say("adult");
        say("no");
        Reply outcome = say("send");
        String ref = outcome.text().replaceAll("(?s).*Reference (SG-[A-Z0-9-]+).*", "$1");
        clock.advance(java.time.Duration.ofMinutes(2));

        Reply ack = say("dsl-1", "ack " + ref + " safeguarding_lead");
        assertThat(ack.text()).contains("Acknowledged " + ref);
        assertThat(say("dsl-2", "ack " + ref + " safeguarding_lead").text()).contains("already acknowledged by console:dsl-1");
        assertThat(store.outbox().entries(ref)).anySatisfy(r -> {
            assertThat(r.row().role()).isEqualTo("reporter");
            assertThat(r.row().channelTarget()).contains("teacher-1");
        });
        assertThat(MONDAY_MORNING.atZone(ZoneOffset.UTC).getDayOfWeek().name()).isEqualTo("MONDAY");
    }
}
