package org.sga.app.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.app.content.ShippedContent;
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

    private static final Library LIBRARY = ShippedContent.SOURCE.library();
    private static final SectionIndex LEXICAL = ShippedContent.SOURCE.index(LIBRARY, false);
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
        return new Assistant(LEXICAL, answers, ShippedContent.SOURCE.dangerSignals(),
                new TriageDialogue(ENGINE, on.conversations(), escalations, answers, ShippedContent.SOURCE.dangerSignals(), clock), acks);
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
        assertThat(outcome.checklist()).extracting(Reply.ChecklistItem::code).containsExactly("TELL_SAFEGUARDING_LEAD",
                "PRESERVE_EVIDENCE", "INFORM_MANAGER", "KEEP_MONITORING", "RECORD_INCIDENT", "CONTACT_POLICE",
                "SAFER_REFERRAL", "ALERT_PROVIDER", "SECURE_STORAGE");
        assertThat(outcome.checklist()).extracting(Reply.ChecklistItem::heading).containsSequence("What you do now",
                "What you do now").endsWith("What the DSL will do").doesNotContain("What the police will do");
        assertThat(outcome.checklist()).allSatisfy(item -> assertThat(item.cites()).isNotEmpty());
        assertThat(outcome.text()).contains("Reference SG-").contains("urgency URGENT")
                .contains("Being notified now: your manager and the designated safeguarding lead.")
                .doesNotContain("Notified:");
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
            say("no");
        }

        @Test
        void givenANote_thenItTravelsWithTheEscalationOnly() {
            answerColleagueNotConfident();
            Reply outcome = say("Mr X messaged a year 9 pupil late at night.");
            assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
            String notified = outcome.text().substring(outcome.text().indexOf("Being notified now:"));
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

    /** TRIAGE.md, dialogue rules. */
    @Nested
    class DialogueRules {

        private static final String THREAT = "he is threatening to hurt her tonight, should I call 999?";

        @Test
        void givenFreeTextSuggestingDangerAfterANo_thenThe999LineAtOnceAndTheDangerQuestionAgain_andTheNewAnswerReplacesTheOld() {
            say("report a concern");
            say("no");
            say("child");

            Reply again = say(THREAT);

            assertThat(again.urgent()).contains("call 999");
            assertThat(again.text()).contains("Is a child in immediate danger right now?", "earlier answer was \"No\"")
                    .doesNotContain("not one of the answers");
            assertThat(again.choices()).extracting(c -> c.value()).containsExactly("Yes", "No", "Not sure");
            Reply next = say("yes");
            assertThat(next.text()).contains("Are images or videos of a child involved?");
            assertThat(next.urgent()).contains("call 999");
            say("no");
            Reply outcome = say("send");
            assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
            assertThat(outcome.text()).contains("urgency EMERGENCY");
            assertThat(outcome.checklist().getFirst().code()).isEqualTo("CALL_999");
            String ref = outcome.text().replaceAll("(?s).*Reference (SG-[A-Z0-9-]+).*", "$1");
            assertThat(store.auditTrail().forRef(ref).getFirst().payload()).contains("\"immediate_danger\":\"yes\"")
                    .contains("\"concern_about\":\"child_harmed\"");
        }

        @Test
        void givenDangerWhileTheDangerQuestionItselfIsAsked_thenThe999LineAndTheSameQuestionWithoutARefusal() {
            say("report a concern");

            Reply reply = say(THREAT);

            assertThat(reply.urgent()).contains("call 999");
            assertThat(reply.text()).contains("Is a child in immediate danger right now?").doesNotContain("not one of the answers");
        }

        @Test
        void givenDangerInTheNote_thenTheDangerQuestionIsAskedAgainAndTheNoteIsSentWithTheNewAnswer() {
            say("report a concern");
            say("no");
            say("adult");
            assertThat(say("no").text()).contains("short note");

            Reply again = say("The man said he is going to hurt her after school");

            assertThat(again.urgent()).contains("call 999");
            assertThat(again.text()).contains("immediate danger", "Your note is kept");
            assertThat(store.outbox().openEscalations()).isEmpty();
            Reply outcome = say("not sure");
            assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
            assertThat(outcome.text()).contains("urgency EMERGENCY");
            String ref = outcome.text().replaceAll("(?s).*Reference (SG-[A-Z0-9-]+).*", "$1");
            assertThat(store.outbox().entries(ref)).allSatisfy(e -> assertThat(e.row().payload())
                    .contains("The man said he is going to hurt her after school"));
        }

        @Test
        void givenReportAConcernDuringAnUnfinishedTriage_thenItAsksWhetherToContinueAndItIsNeverAnAnswer() {
            say("report a concern");
            say("no");
            say("child");

            Reply asked = say("report a concern");

            assertThat(asked.kind()).isEqualTo(Reply.Kind.TRIAGE_QUESTION);
            assertThat(asked.text()).contains("not finished (2 questions answered, the last just now)", "Nothing has been sent yet",
                    "continue it, or start again");
            assertThat(asked.choices()).extracting(c -> c.value()).containsExactly("continue", "start again", "cancel");
            assertThat(say("yes").text()).as("not an answer to the paused question").contains("Please choose");
            assertThat(say("continue").text()).contains("Are images or videos of a child involved?");
            say("no");
            Reply outcome = say("send");
            assertThat(outcome.kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
            assertThat(outcome.text()).contains("urgency URGENT");
        }

        @Test
        void givenReportAConcernWhenOnlyTheNoteIsLeft_thenItIsNotTakenAsTheNote() {
            say("report a concern");
            say("no");
            say("adult");
            say("no");

            Reply asked = say("report a concern");

            assertThat(asked.text()).contains("every question answered, the last just now, but not sent");
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(say("start again").text()).contains("Is a child in immediate danger right now?");
        }

        @Test
        void givenATriageIdleForHalfAnHour_thenAStaleTriageIsNeverSent() {
            say("report a concern");
            say("no");
            say("adult");
            say("no");
            clock.advance(TriageDialogue.IDLE.plusMinutes(1));

            Reply asked = say("send");

            assertThat(asked.text()).contains("You have a report that is not finished (every question answered, the last"
                    + " 31 minutes ago, but not sent)");
            clock.advance(Duration.ofMinutes(2));
            assertThat(say("send").text()).contains("Please choose").as("asking does not take the report forward")
                    .contains("the last 33 minutes ago");
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            assertThat(say("continue").text()).contains("short note");
            assertThat(say("send").kind()).isEqualTo(Reply.Kind.TRIAGE_OUTCOME);
        }

        @Test
        void givenARestartAndHalfAnHourLater_thenHelloIsNotRefusedAsAnAnswerButAsksWhetherToContinue() {
            say("report a concern");
            say("no");
            say("colleague");
            store.close();
            store = StoreFactory.openEmbedded(dataDir, clock);
            assistant = assistant(store);
            clock.advance(Duration.ofHours(2));

            Reply reply = say("hello");

            assertThat(reply.text()).contains("not finished (2 questions answered, the last 2 hours ago)")
                    .doesNotContain("not one of the answers");
        }

        @Test
        void givenAnUnansweredTriageLeftIdle_thenTheNextMessageIsTakenAsItComes() {
            say("report a concern");
            clock.advance(TriageDialogue.IDLE);

            assertThat(say("what is grooming").kind()).isIn(Reply.Kind.ANSWER, Reply.Kind.NOT_CONFIDENT);
        }

        @Test
        void givenDangerWhenAskedWhetherToContinue_thenThe999LineAndTheDangerQuestionAgain() {
            say("report a concern");
            say("no");
            say("child");
            clock.advance(TriageDialogue.IDLE);
            say("hello");

            Reply reply = say(THREAT);

            assertThat(reply.urgent()).contains("call 999");
            assertThat(reply.text()).contains("Is a child in immediate danger right now?");
            assertThat(say("yes").text()).contains("Are images or videos of a child involved?");
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
