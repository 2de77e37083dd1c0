package org.sga.app.console;

import java.util.List;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Citations;
import org.sga.core.conversation.Reply;

/** Lays a reply out as plain text for a terminal; choices are numbered so they can be picked by number. */
final class ConsoleRenderer {

    private ConsoleRenderer() {
    }

    static String render(Reply reply) {
        StringBuilder out = new StringBuilder();
        if (reply.urgent() != null) {
            out.append("!! ").append(reply.urgent()).append("\n\n");
        }
        switch (reply.kind()) {
            case ANSWER -> out.append("From the procedure:\n\n");
            case NOT_CONFIDENT -> out.append("Not sure.\n");
            default -> { }
        }
        out.append(reply.text()).append('\n');
        if (reply.citation() != null) {
            out.append("\n  Source: ").append(reply.citation().full()).append(" — ").append(reply.citation().heading())
                    .append("\n  ").append(reply.citation().source()).append('\n');
        }
        if (!reply.seeAlso().isEmpty()) {
            out.append(reply.kind() == Reply.Kind.NOT_CONFIDENT ? "\nClosest sections:\n" : "\nSee also:\n");
            for (Citation c : reply.seeAlso()) {
                out.append("  - ").append(c.label()).append(" — ").append(c.heading()).append('\n');
            }
        }
        String heading = null;
        int n = 0;
        for (Reply.ChecklistItem item : reply.checklist()) {
            if (!item.heading().equals(heading)) {
                heading = item.heading();
                n = 0;
                out.append('\n').append(heading).append('\n');
            }
            out.append("  ").append(++n).append(". ").append(item.title()).append(": ").append(item.text());
            if (!item.cites().isEmpty()) {
                out.append(" (").append(Citations.compact(item.cites())).append(')');
            }
            out.append('\n');
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
