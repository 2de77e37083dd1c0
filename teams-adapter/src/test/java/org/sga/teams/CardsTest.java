package org.sga.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Reply;

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
}
