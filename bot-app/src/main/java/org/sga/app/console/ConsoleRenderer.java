package org.sga.app.console;

import java.util.List;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Citations;
import org.sga.core.conversation.Citations;
import org.sga.core.conversation.Reply;

/**
 * Lays a reply out as plain text for a terminal, in the order of the guidance contract: the 999 line, the guidance
 * cards, the next step, the procedure's text and its citation, see-also; choices are numbered so they can be picked by
 * number.
 */
public final class ConsoleRenderer {

    private ConsoleRenderer() {
    }

    public static String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (reply.urgent() != null) {
            out.append("!! ").append(reply.urgent()).append("\n\n");
        }
        for (Reply.Card card : reply.guidance()) {
            out.append("== ").append(card.title()).append(" ==\n")
                    .append(card.first()).append('\n')
                    .append(card.text()).append('\n')
                    .append("Never: ").append(card.never()).append('\n');
            if (!card.procedure().isEmpty()) {
                out.append("  Procedure: ").append(Citations.compact(card.procedure())).append('\n');
            }
            for (String national : card.national()) {
                out.append("  ").append(national).append('\n');
            }
            out.append("  ").append(card.review()).append("\n\n");
        }
        if (reply.nextStep() != null) {
            out.append("Next step: ").append(reply.nextStep().text()).append(" (").append(reply.nextStep().source().label())
                    .append(")\n\n");
        }
        switch (reply.kind()) {
            case ANSWER -> out.append("From the procedure:\n\n");
            case NOT_CONFIDENT -> out.append("Not sure.\n");
            default -> { }
        }
        out.append(reply.text()).append('\n');
        if (reply.citation() != null) {
            Citation c = reply.citation();
            out.append("\n  Source: ").append(c.label()).append(" — ").append(c.heading())
                    .append("\n  Procedure version: ").append(c.procedureVersion()).append("; procedure review date: ")
                    .append(c.procedureReviewed())
                    .append("\n  ").append(c.content())
                    .append("\n  ").append(c.link()).append('\n');
        }
        if (!reply.seeAlso().isEmpty()) {
            out.append(reply.kind() == Reply.Kind.NOT_CONFIDENT ? "\nClosest sections:\n" : "\nSee also:\n");
            for (Citation c : reply.seeAlso()) {
                out.append("  - ").append(c.label()).append(" — ").append(c.heading()).append('\n');
            }
        }
        for (Reply.ChecklistGroup group : reply.checklistGroups()) {
            out.append('\n').append(group.heading()).append('\n');
            int n = 0;
            for (Reply.ChecklistItem item : group.items()) {
                out.append("  ").append(++n).append(". ").append(item.title()).append(": ").append(item.text());
                if (!item.cites().isEmpty()) {
                    out.append(" (").append(Citations.compact(item.cites())).append(')');
                }
                out.append('\n');
            }
        }
        for (String note : reply.notes()) {
            out.append("\n(").append(note).append(")\n");
        }
        List<Choice> choices = reply.choices();
        if (!choices.isEmpty()) {
            out.append('\n');
            for (int i = 0; i < choices.size(); i++) {
                out.append("  [").append(i + 1).append("] ").append(choices.get(i).label()).append('\n');
            }
        }
        return out.toString();
    }
}
