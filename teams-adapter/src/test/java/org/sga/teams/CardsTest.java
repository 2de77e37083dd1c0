package org.sga.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Reply;

/** Adaptive Cards: a triage outcome under its owners' headings; safe answers in the guidance contract's order. */
class CardsTest {

    private static final Citation CITE = new Citation("child-abuse-and-ict#4.4", "Child abuse and IT §4.4", "4. Sexting",
            "seed-1", LocalDate.of(2026, 11, 28), "https://example.org/procedure");

    @Test
    void givenATriageOutcome_thenEachOwnersActionsAreNumberedUnderItsOwnHeadingInOwnerOrder() {
        Reply outcome = new Reply(Reply.Kind.TRIAGE_OUTCOME, null, "Reference SG-1", null, List.of(), List.of(), List.of(),
                List.of(new Reply.ChecklistItem("A", "reporter", "What you do now", "Tell the DSL", "Now.", List.of(CITE)),
                        new Reply.ChecklistItem("B", "reporter", "What you do now", "Write it down", "Today.", List.of(CITE)),
                        new Reply.ChecklistItem("C", "allegations_officer", "What the allegations officer will do",
                                "Refer to the police", "Today.", List.of(CITE)),
                        new Reply.ChecklistItem("D", "police", "What the police will do", "Check access", "Later.",
                                List.of(CITE))));

        List<String> texts = new ArrayList<>();
        for (JsonNode block : Cards.reply(outcome).get("body")) {
            texts.add(block.path("text").asText());
        }

        assertThat(texts).containsSubsequence("Reference SG-1", "What you do now", "1. Tell the DSL", "Now.",
                "2. Write it down", "What the allegations officer will do", "1. Refer to the police",
                "What the police will do", "1. Check access");
        assertThat(texts).doesNotContain("Checklist");
    }

    private static final Citation CHAPTER = new Citation("child-abuse-and-ict#4.4", "Child abuse and IT §4.4", "4. Sexting",
            "seed-1", LocalDate.of(2026, 11, 28), "https://example.org/", "not stated", "not stated",
            "https://example.org/procedures/ict");
    private static final Reply.Card CARD = new Reply.Card("IMAGES_DO_NOT_SHARE", "Don't look at, copy or send the image",
            "Don't forward it. Tell your DSL now.", "Leave the phone as it is.", "Never view or copy it.", List.of(CHAPTER),
            List.of("National guidance (not the procedure): A publisher, \"Advice\" (2024)"),
            "Reviewed by: (not yet reviewed) on: (not yet reviewed)");

    /** Every text of the card's body in reading order, containers opened. */
    private static List<String> texts(JsonNode items) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : items) {
            if (item.has("items")) {
                out.addAll(texts(item.get("items")));
            } else {
                out.add(item.path("text").asText());
            }
        }
        return out;
    }

    @Test
    void givenACardAndANextStep_thenTheyComeAfterThe999LineAndBeforeTheQuote_andTheChapterOpens() {
        Reply reply = new Reply(Reply.Kind.ANSWER, "If a child is in immediate danger, call 999 now.", "The police should be contacted.",
                CHAPTER, List.of(), List.of(), List.of(), List.of(), List.of(CARD), new Reply.NextStep("Tell your DSL now.", CHAPTER));

        ObjectNode card = Cards.reply(reply);

        List<String> texts = texts(card.get("body"));
        assertThat(texts.getFirst()).contains("call 999");
        int title = texts.indexOf("Don't look at, copy or send the image");
        int never = texts.indexOf("Never: Never view or copy it.");
        int national = texts.indexOf("National guidance (not the procedure): A publisher, \"Advice\" (2024)");
        int next = texts.indexOf("Next step: Tell your DSL now. (Child abuse and IT §4.4)");
        int quote = texts.indexOf("The police should be contacted.");
        assertThat(List.of(title, never, national, next, quote)).doesNotContain(-1).isSorted();
        assertThat(texts).contains("Source: Child abuse and IT §4.4 (procedure version: not stated; procedure review date: not stated)"
                + " — 4. Sexting", "Content seed-1, last reviewed 2026-11-28");
        assertThat(card.get("actions").findValuesAsText("url")).containsExactly("https://example.org/procedures/ict");
    }
}
