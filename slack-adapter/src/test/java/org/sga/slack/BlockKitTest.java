package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.util.json.GsonFactory;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Reply;

/** Every reply kind as Block Kit, within Slack's limits. */
class BlockKitTest {

    private static final Gson GSON = GsonFactory.createSnakeCase();

    private static String json(List<LayoutBlock> blocks) {
        return SlackFake.readable(GSON.toJson(blocks));
    }

    @Nested
    class Kinds {
        @Test
        void givenUrgentLine_thenItComesFirst() {
            Reply r = new Reply(Reply.Kind.ANSWER, "If a child is in immediate danger, call 999 now.", "Text", ScriptedCore.SECTION,
                    List.of(), List.of(), List.of());
            List<LayoutBlock> blocks = BlockKit.render(r);
            assertThat(blocks.getFirst()).isInstanceOf(SectionBlock.class);
            assertThat(json(blocks.subList(0, 1))).contains(":rotating_light: *If a child is in immediate danger, call 999 now.*");
            assertThat(BlockKit.fallback(r)).startsWith("If a child is in immediate danger");
        }

        @Test
        void givenNotConfident_thenClosestSectionsAsSeeAlsoAndReportButNoFeedback() {
            Reply r = new Reply(Reply.Kind.NOT_CONFIDENT, null, "I'm not sure.", null, List.of(ScriptedCore.OTHER),
                    List.of(new Choice("report a concern", "Report a concern")), List.of());
            String json = json(BlockKit.render(r));
            assertThat(json).contains("See also Child abuse and IT §7.2").contains("Report a concern").contains("\"style\":\"primary\"")
                    .doesNotContain("sga_helpful");
        }

        @Test
        void givenHelp_thenTextAndReportButton() {
            Reply r = new Reply(Reply.Kind.HELP, null, "I answer questions.", null, List.of(),
                    List.of(new Choice("report a concern", "Report a concern")), List.of());
            assertThat(json(BlockKit.render(r))).contains("I answer questions.").contains("sga_choice:0");
        }

        @Test
        void givenImageGuidance_thenGuidanceWithSourcesAndNothingElse() {
            Reply r = new Reply(Reply.Kind.IMAGE_GUIDANCE, null, "Please do not send images.", ScriptedCore.SECTION,
                    List.of(ScriptedCore.OTHER), List.of(), List.of());
            String json = json(BlockKit.render(r));
            assertThat(json).contains("Please do not send images.").contains("§4.4").doesNotContain("sga_helpful");
        }

        @Test
        void givenNotice_thenOneSection() {
            assertThat(BlockKit.render(Reply.notice("Triage cancelled."))).singleElement().isInstanceOf(SectionBlock.class);
        }

        @Test
        void givenTriageQuestion_thenAnswerButtonsWithDistinctIdsAndNotes() {
            Reply r = new Reply(Reply.Kind.TRIAGE_QUESTION, null, "Is a child in immediate danger?", null, List.of(),
                    List.of(new Choice("Yes", "Yes"), new Choice("No", "No"), new Choice("Not sure", "Not sure")),
                    List.of("Question 1 · type \"back\" or \"cancel\" at any time"));
            List<LayoutBlock> blocks = BlockKit.render(r);
            ActionsBlock answers = (ActionsBlock) blocks.stream().filter(b -> b instanceof ActionsBlock).findFirst().orElseThrow();
            assertThat(answers.getElements()).hasSize(3);
            assertThat(json(List.of(answers))).contains("sga_answer:0").contains("sga_answer:1").contains("sga_answer:2");
            assertThat(blocks).anyMatch(b -> b instanceof ContextBlock);
        }

        @Test
        void givenOutcome_thenEachOwnersActionsAreNumberedUnderTheirOwnHeadingWithCitations() {
            Reply r = new Reply(Reply.Kind.TRIAGE_OUTCOME, null, "Reference SG-1", null, List.of(), List.of(), List.of(),
                    List.of(new Reply.ChecklistItem("A", "reporter", "What you do now", "Tell the DSL", "Today.",
                                    List.of(ScriptedCore.SECTION)),
                            new Reply.ChecklistItem("B", "reporter", "What you do now", "Keep the phone", "Do not look.",
                                    List.of(ScriptedCore.OTHER)),
                            new Reply.ChecklistItem("C", "safeguarding_lead", "What the DSL will do", "Refer to the police",
                                    "Now.", List.of(ScriptedCore.SECTION)),
                            new Reply.ChecklistItem("D", "police", "What the police will do", "Check access", "Later.",
                                    List.of(ScriptedCore.SECTION))));
            List<LayoutBlock> blocks = BlockKit.render(r);
            String json = json(blocks);
            assertThat(blocks).filteredOn(b -> b instanceof HeaderBlock)
                    .extracting(b -> ((HeaderBlock) b).getText().getText())
                    .containsExactly("What you do now", "What the DSL will do", "What the police will do");
            assertThat(json).contains("*1. Tell the DSL*").contains("*2. Keep the phone*").contains("*1. Refer to the police*")
                    .contains("*1. Check access*").contains("§4.4").contains("§7.2").contains("seed-1")
                    .doesNotContain("Checklist");
            assertThat(json.indexOf("What you do now")).isLessThan(json.indexOf("What the DSL will do"));
            assertThat(json.indexOf("What the DSL will do")).isLessThan(json.indexOf("What the police will do"));
        }
    }

    @Nested
    class SafeAnswers {

        private final Reply.Card card = new Reply.Card("IMAGES_DO_NOT_SHARE", "Don't look at, copy or send the image",
                "Don't forward it. Tell your DSL now.", "Leave the phone as it is.", "Never view or copy it.",
                List.of(ScriptedCore.SECTION), List.of("National guidance (not the procedure): A publisher, \"Advice\" (2024)"),
                "Reviewed by: (not yet reviewed) on: (not yet reviewed)");

        @Test
        void givenACardAndANextStep_thenTheyComeAfterThe999LineAndBeforeTheQuote() {
            Reply r = new Reply(Reply.Kind.ANSWER, "If a child is in immediate danger, call 999 now.", "The police should be contacted.",
                    ScriptedCore.SECTION, List.of(ScriptedCore.OTHER), List.of(), List.of(), List.of(), List.of(card),
                    new Reply.NextStep("Tell your DSL now.", ScriptedCore.SECTION));
            String json = json(BlockKit.render(r));
            int urgent = json.indexOf("call 999 now");
            int title = json.indexOf("Don't look at, copy or send the image");
            int never = json.indexOf("Never view or copy it.");
            int national = json.indexOf("National guidance (not the procedure)");
            int review = json.indexOf("not yet reviewed");
            int next = json.indexOf("Next step:* Tell your DSL now.");
            int quote = json.indexOf("The police should be contacted.");
            assertThat(urgent).isNotNegative();
            assertThat(List.of(urgent, title, never, national, review, next, quote)).isSorted().doesNotContain(-1);
            assertThat(json).contains("See also Child abuse and IT §7.2 — Preserving evidence");
        }

        @Test
        void theCitationShowsTheProceduresOwnDatesApartFromTheContentsAndLinksTheChapter() {
            Citation chapter = new Citation("child-abuse-and-ict#4.4", "Child abuse and IT §4.4", "Indecent images", "seed-1",
                    java.time.LocalDate.of(2026, 11, 28), "https://example.org/", "3.2", "2026-01-15", "https://example.org/procedures/ict");
            assertThat(BlockKit.source(chapter)).contains("<https://example.org/procedures/ict|Child abuse and IT §4.4>")
                    .contains("procedure version 3.2").contains("procedure review date 2026-01-15")
                    .contains("Content seed-1, last reviewed 2026-11-28");
        }
    }

    @Test
    void givenVeryLongText_thenSplitIntoSectionsWithinSlacksLimit() {
        String paragraph = "word ".repeat(500).strip();
        Reply r = Reply.notice(String.join("\n\n", paragraph, paragraph, paragraph, "x".repeat(7000)));
        List<LayoutBlock> blocks = BlockKit.render(r);
        assertThat(blocks).hasSizeGreaterThan(3).allSatisfy(b ->
                assertThat(((SectionBlock) b).getText().getText().length()).isLessThanOrEqualTo(3000));
    }

    @Test
    void givenAnsweredQuestion_thenButtonsGoneAndChoiceShown() {
        List<LayoutBlock> original = BlockKit.render(new Reply(Reply.Kind.TRIAGE_QUESTION, null, "Q?", null, List.of(),
                List.of(new Choice("Yes", "Yes")), List.of()));
        List<LayoutBlock> answered = BlockKit.answered(original, "Yes");
        assertThat(answered).noneMatch(b -> b instanceof ActionsBlock);
        assertThat(json(answered)).contains("Q?").contains("You answered: *Yes*");
    }

    @Test
    void givenEscalationPayloadWithMarkup_thenEscapedAndAcknowledgeCarriesReferenceAndRole() {
        String json = json(BlockKit.escalation("<!channel> SG-1 & more", "SG-1", "manager"));
        assertThat(json).contains("&lt;!channel&gt; SG-1 &amp; more").contains("\"value\":\"SG-1|manager\"");
    }

    @Test
    void givenAPersonsWordsInTheNotificationText_thenNoChannelPingMentionOrDisguisedLink() {
        String typed = "<!channel> <@U0LEAD> <https://evil.example/login|Open the case file> & more";
        String fallback = BlockKit.fallback(Reply.notice("\"" + typed + "\" is not one of the answers."));
        assertThat(fallback).doesNotContain("<").doesNotContain(">")
                .contains("&lt;!channel&gt; &lt;@U0LEAD&gt; &lt;https://evil.example/login|Open the case file&gt; &amp; more");
    }

    @Test
    void givenAnAcknowledgementFromAnotherPlatform_thenShownAsTextNotAsASlackMention() {
        assertThat(BlockKit.acknowledgedLine("slack:UDSL", 1_764_327_720L)).startsWith("<@UDSL> at <!date^1764327720^");
        assertThat(BlockKit.acknowledgedLine("teams:29:<!here>", 1_764_327_720L)).startsWith("teams:29:&lt;!here&gt; at");
    }
}
