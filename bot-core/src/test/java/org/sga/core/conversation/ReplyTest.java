package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplyTest {

    @Test
    void givenAChecklist_thenConsecutiveItemsUnderOneHeadingFormAGroupInOrder() {
        Reply reply = new Reply(Reply.Kind.TRIAGE_OUTCOME, null, "Outcome", null, List.of(), List.of(), List.of(), List.of(
                item("A1", "What you do now"), item("A2", "What you do now"),
                item("D1", "What the DSL does"),
                item("A3", "What you do now")));

        assertThat(reply.checklistGroups()).extracting(Reply.ChecklistGroup::heading)
                .containsExactly("What you do now", "What the DSL does", "What you do now");
        assertThat(reply.checklistGroups()).extracting(g -> g.items().stream().map(Reply.ChecklistItem::code).toList())
                .containsExactly(List.of("A1", "A2"), List.of("D1"), List.of("A3"));
    }

    @Test
    void givenNoChecklist_thenNoGroups() {
        assertThat(Reply.notice("Nothing to do.").checklistGroups()).isEmpty();
    }

    private static Reply.ChecklistItem item(String code, String heading) {
        return new Reply.ChecklistItem(code, "owner", heading, "Title " + code, "Text " + code, List.of());
    }
}
