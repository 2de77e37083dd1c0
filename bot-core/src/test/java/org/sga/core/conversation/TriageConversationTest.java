package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.AcknowledgementPolicy;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.EscalationRecords;
import org.sga.core.escalation.EscalationService;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.RoutingConfig;
import org.sga.core.testkit.MemoryStore;
import org.sga.core.testkit.MutableClock;
import org.sga.core.testkit.Roster;
import org.sga.core.testkit.ShippedContent;
import org.sga.core.testkit.TestFlow;

/** The triage dialogue scripted end to end through the assistant, on the core's ports in memory. */
class TriageConversationTest {

    /** Monday 7 December 2026, 10:00 in London: inside the default office hours. */
    private static final Instant MONDAY_MORNING = Instant.parse("2026-12-07T10:00:00Z");
    private static final String DANGER_QUESTION = "Is a child in immediate danger right now?";

    private MutableClock clock;
    private MemoryStore store;
    private TestFlow flow;

    @BeforeEach
    void open() {
        clock = new MutableClock(MONDAY_MORNING);
        store = new MemoryStore(clock);
        flow = TestFlow.with(assistant(), "console", "teacher-1");
    }

    /** The bot as the application assembles it; a new one over the same store is a restarted process. */
    private Assistant assistant() {
        EscalationRecords records = new EscalationRecords(store.auditTrail());
        EscalationService escalations = new EscalationService(RoutingConfig.defaults(),
                ShippedContent.ENGINE.definition(), store.escalations(), records, clock);
        // The console has no channels people are in; here two duty officers are in the lead's, as a platform would say.
        ChannelMembership roster = new Roster().join("safeguarding_lead", "dsl-1", "dsl-2");
        AcknowledgementPolicy acks = new AcknowledgementPolicy(records, store.acknowledgements(), store.escalations(),
                store.outbox(), store.unitOfWork(), roster, clock, EscalationEvents.NONE);
        Answers answers = ShippedContent.answers();
        DangerSignals danger = ShippedContent.dangerByPatterns();
        return new Assistant(ShippedContent.LEXICAL, answers, danger, new TriageDialogue(ShippedContent.ENGINE,
                store.conversations(), escalations, answers, danger, clock), acks);
    }

    private void restart() {
        flow = TestFlow.with(assistant(), "console", "teacher-1");
    }

    @Test
    void givenAnswersByNumberWordAndLabel_thenTheOutcomeIsCitedAndTheRolesAreNotified() {
        flow.send("report a concern").assertReplyContains(DANGER_QUESTION)
                .send("2").assertReplyContains("Who is the concern about?")
                .send("a child who is being harmed or is at risk online").assertReplyContains("images or videos")
                .send("yes").assertReplyContains("posted or shared online")
                .send("Yes").assertReplyContains("post the images or videos themselves")
                .send("no").assertKind(Reply.Kind.TRIAGE_QUESTION)
                .assertReply(r -> assertThat(r.choices()).extracting(Choice::value).containsExactly("send"))
                .send("send").assertKind(Reply.Kind.TRIAGE_OUTCOME)
                .assertReply(outcome -> {
                    assertThat(outcome.urgent()).isNull();
                    assertThat(outcome.checklist()).extracting(Reply.ChecklistItem::code).containsExactly(
                            "TELL_SAFEGUARDING_LEAD", "PRESERVE_EVIDENCE", "INFORM_MANAGER", "KEEP_MONITORING",
                            "RECORD_INCIDENT", "CONTACT_POLICE", "SAFER_REFERRAL", "ALERT_PROVIDER", "SECURE_STORAGE");
                    assertThat(outcome.checklist()).extracting(Reply.ChecklistItem::heading).containsSequence(
                            "What you do now", "What you do now").endsWith("What the DSL will do")
                            .doesNotContain("What the police will do");
                    assertThat(outcome.checklist()).allSatisfy(item -> assertThat(item.cites()).isNotEmpty());
                    assertThat(outcome.text()).contains("Reference SG-").contains("urgency URGENT")
                            .contains("Being notified now: your manager and the designated safeguarding lead.")
                            .doesNotContain("Notified:");
                });
        String ref = flow.reference();
        assertThat(store.auditTrail().forRef(ref)).hasSize(1);
        assertThat(store.outbox().entries(ref)).extracting(e -> e.row().role())
                .containsExactlyInAnyOrder("manager", "safeguarding_lead");
    }

    @Test
    void givenImmediateDanger_thenCall999ComesFirstFromTheFirstAnswerOn() {
        flow.send("triage")
                .send("yes").assertReply(r -> assertThat(r.urgent()).contains("call 999"))
                .send("child_harmed")
                .send("no")
                .send("send").assertReply(outcome -> {
                    assertThat(outcome.urgent()).contains("call 999");
                    assertThat(outcome.checklist().get(0).code()).isEqualTo("CALL_999");
                });
    }

    @Test
    void anAnswerThatFitsNoOptionIsRefusedAndTheQuestionAskedAgain() {
        flow.send("I'm worried about a pupil in my class")
                .send("perhaps tomorrow").assertReplyContains("is not one of the answers", DANGER_QUESTION)
                .send("5").assertReplyContains("is not one of the answers")
                .send("no").assertReplyContains("Who is the concern about?");
    }

    @Test
    void inASharedChannelTheReportIsNotTakenButMovedToAPersonalChat() {
        TestFlow.with(assistant(), "teams", "teacher-1").inChannel("19:staffroom@thread.tacv2")
                .send("report a concern").assertKind(Reply.Kind.NOTICE).assertReplyContains("personal chat");

        assertThat(store.conversations().load(new ConversationKey("teams", "19:staffroom@thread.tacv2", "teacher-1")))
                .isEmpty();
    }

    @Nested
    class Navigation {

        @Test
        void backUndoesTheLastAnswer() {
            flow.send("report a concern").send("no").send("adult")
                    .send("back").assertReplyContains("Who is the concern about?")
                    .send("colleague").assertReplyContains("images or videos");
        }

        @Test
        void restartStartsAgainAndCancelStopsWithNothingSent() {
            flow.send("report a concern").send("no")
                    .send("restart").assertReplyContains("Starting again", "immediate danger")
                    .send("no")
                    .send("cancel").assertReplyContains("Nothing has been sent");
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            flow.send("what is grooming")
                    .assertReply(r -> assertThat(r.kind()).isIn(Reply.Kind.ANSWER, Reply.Kind.NOT_CONFIDENT));
        }

        @Test
        void afterTheProcessRestarts_theConversationResumesAtTheQuestionItStoppedOn() {
            flow.send("report a concern").send("no").send("colleague");
            restart();
            flow.send("no").assertReplyContains("Is the colleague your line manager");
        }
    }

    @Nested
    class Note {

        private TestFlow answerColleagueNotConfident() {
            return flow.send("report a concern").send("no").send("colleague").send("no").send("no").send("no").send("no");
        }

        @Test
        void givenANote_thenItTravelsWithTheEscalationOnly() {
            answerColleagueNotConfident().send("Mr X messaged a year 9 pupil late at night.")
                    .assertKind(Reply.Kind.TRIAGE_OUTCOME)
                    .assertReply(outcome -> assertThat(outcome.text().substring(outcome.text().indexOf("Being notified now:")))
                            .doesNotContain("your manager").contains("allegations officer"));
            String ref = flow.reference();
            List<OutboxEntry> rows = store.outbox().entries(ref);
            assertThat(rows).extracting(e -> e.row().role()).doesNotContain("manager");
            assertThat(rows).allSatisfy(r -> assertThat(r.row().payload()).contains("Mr X messaged a year 9 pupil late at night."));
            assertThat(store.auditTrail().forRef(ref).get(0).payload()).doesNotContain("Mr X");
        }

        @Test
        void aNoteThatIsTooLongIsRefusedAndNothingIsSent() {
            answerColleagueNotConfident().send("x".repeat(1_200)).assertReplyContains("keep it under");
            assertThat(store.outbox().openEscalations()).isEmpty();
            flow.send("send").assertKind(Reply.Kind.TRIAGE_OUTCOME);
        }
    }

    /** TRIAGE.md, dialogue rules. */
    @Nested
    class DialogueRules {

        private static final String THREAT = "he is threatening to hurt her tonight, should I call 999?";

        @Test
        void givenFreeTextSuggestingDangerAfterANo_thenThe999LineAtOnceAndTheDangerQuestionAgain_andTheNewAnswerReplacesTheOld() {
            flow.send("report a concern").send("no").send("child")
                    .send(THREAT).assertReply(again -> {
                        assertThat(again.urgent()).contains("call 999");
                        assertThat(again.text()).contains(DANGER_QUESTION, "earlier answer was \"No\"")
                                .doesNotContain("not one of the answers");
                        assertThat(again.choices()).extracting(Choice::value).containsExactly("Yes", "No", "Not sure");
                    })
                    .send("yes").assertReplyContains("Are images or videos of a child involved?")
                    .assertReply(next -> assertThat(next.urgent()).contains("call 999"))
                    .send("no")
                    .send("send").assertKind(Reply.Kind.TRIAGE_OUTCOME).assertReplyContains("urgency EMERGENCY")
                    .assertReply(outcome -> assertThat(outcome.checklist().getFirst().code()).isEqualTo("CALL_999"));
            assertThat(store.auditTrail().forRef(flow.reference()).getFirst().payload())
                    .contains("\"immediate_danger\":\"yes\"").contains("\"concern_about\":\"child_harmed\"");
        }

        @Test
        void givenDangerWhileTheDangerQuestionItselfIsAsked_thenThe999LineAndTheSameQuestionWithoutARefusal() {
            flow.send("report a concern")
                    .send(THREAT).assertReply(reply -> {
                        assertThat(reply.urgent()).contains("call 999");
                        assertThat(reply.text()).contains(DANGER_QUESTION).doesNotContain("not one of the answers");
                    });
        }

        @Test
        void givenDangerInTheNote_thenTheDangerQuestionIsAskedAgainAndTheNoteIsSentWithTheNewAnswer() {
            flow.send("report a concern").send("no").send("adult")
                    .send("no").assertReplyContains("short note")
                    .send("The man said he is going to hurt her after school")
                    .assertReply(again -> assertThat(again.urgent()).contains("call 999"))
                    .assertReplyContains("immediate danger", "Your note is kept");
            assertThat(store.outbox().openEscalations()).isEmpty();
            flow.send("not sure").assertKind(Reply.Kind.TRIAGE_OUTCOME).assertReplyContains("urgency EMERGENCY");
            assertThat(store.outbox().entries(flow.reference())).allSatisfy(e -> assertThat(e.row().payload())
                    .contains("The man said he is going to hurt her after school"));
        }

        @Test
        void givenReportAConcernDuringAnUnfinishedTriage_thenItAsksWhetherToContinueAndItIsNeverAnAnswer() {
            flow.send("report a concern").send("no").send("child")
                    .send("report a concern").assertKind(Reply.Kind.TRIAGE_QUESTION)
                    .assertReplyContains("not finished (2 questions answered, the last just now)",
                            "Nothing has been sent yet", "continue it, or start again")
                    .assertReply(asked -> assertThat(asked.choices()).extracting(Choice::value)
                            .containsExactly("continue", "start again", "cancel"))
                    .send("yes").assertReply(r -> assertThat(r.text()).as("not an answer to the paused question")
                            .contains("Please choose"))
                    .send("continue").assertReplyContains("Are images or videos of a child involved?")
                    .send("no")
                    .send("send").assertKind(Reply.Kind.TRIAGE_OUTCOME).assertReplyContains("urgency URGENT");
        }

        @Test
        void givenReportAConcernWhenOnlyTheNoteIsLeft_thenItIsNotTakenAsTheNote() {
            flow.send("report a concern").send("no").send("adult").send("no")
                    .send("report a concern").assertReplyContains("every question answered, the last just now, but not sent");
            assertThat(store.outbox().openEscalations()).isEmpty();
            flow.send("start again").assertReplyContains(DANGER_QUESTION);
        }

        @Test
        void givenATriageIdleForHalfAnHour_thenAStaleTriageIsNeverSent() {
            flow.send("report a concern").send("no").send("adult").send("no");
            clock.advance(TriageDialogue.IDLE.plusMinutes(1));

            flow.send("send").assertReplyContains("You have a report that is not finished (every question answered,"
                    + " the last 31 minutes ago, but not sent)");
            clock.advance(Duration.ofMinutes(2));
            flow.send("send").assertReply(r -> assertThat(r.text()).contains("Please choose")
                    .as("asking does not take the report forward").contains("the last 33 minutes ago"));
            assertThat(store.outbox().openEscalations()).isEmpty();
            assertThat(store.auditTrail().verify().recordsChecked()).isZero();
            flow.send("continue").assertReplyContains("short note")
                    .send("send").assertKind(Reply.Kind.TRIAGE_OUTCOME);
        }

        @Test
        void givenARestartAndHalfAnHourLater_thenHelloIsNotRefusedAsAnAnswerButAsksWhetherToContinue() {
            flow.send("report a concern").send("no").send("colleague");
            restart();
            clock.advance(Duration.ofHours(2));

            flow.send("hello").assertReply(reply -> assertThat(reply.text())
                    .contains("not finished (2 questions answered, the last 2 hours ago)")
                    .doesNotContain("not one of the answers"));
        }

        @Test
        void givenAnUnansweredTriageLeftIdle_thenTheNextMessageIsTakenAsItComes() {
            flow.send("report a concern");
            clock.advance(TriageDialogue.IDLE);

            flow.send("what is grooming")
                    .assertReply(r -> assertThat(r.kind()).isIn(Reply.Kind.ANSWER, Reply.Kind.NOT_CONFIDENT));
        }

        @Test
        void givenDangerWhenAskedWhetherToContinue_thenThe999LineAndTheDangerQuestionAgain() {
            flow.send("report a concern").send("no").send("child");
            clock.advance(TriageDialogue.IDLE);
            flow.send("hello")
                    .send(THREAT).assertReply(reply -> assertThat(reply.urgent()).contains("call 999"))
                    .assertReplyContains(DANGER_QUESTION)
                    .send("yes").assertReplyContains("Are images or videos of a child involved?");
        }
    }

    @Test
    void anAcknowledgementByTextTellsWhoAcknowledgedAndTellsTheReporter() {
        flow.send("report a concern").send("no").send("adult").send("no").send("send");
        String ref = flow.reference();
        clock.advance(Duration.ofMinutes(2));

        flow.as("dsl-1").send("ack " + ref + " safeguarding_lead").assertReplyContains("Acknowledged " + ref)
                .as("dsl-2").send("ack " + ref + " safeguarding_lead").assertReplyContains("already acknowledged by console:dsl-1");
        assertThat(store.outbox().entries(ref)).anySatisfy(r -> {
            assertThat(r.row().role()).isEqualTo("reporter");
            assertThat(r.row().channelTarget()).contains("teacher-1");
        });
        assertThat(MONDAY_MORNING.atZone(ZoneOffset.UTC).getDayOfWeek().name()).isEqualTo("MONDAY");
    }
}
