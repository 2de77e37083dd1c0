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

/** Safe answers as Adaptive Cards: the order of the guidance contract and the procedure's own dates. */
class CardsTest {

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
