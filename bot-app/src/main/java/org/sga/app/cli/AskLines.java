package org.sga.app.cli;

import java.util.List;
import java.util.function.UnaryOperator;
import org.sga.app.console.ConsoleRenderer;
import org.sga.app.content.ContentSource;
import org.sga.content.Library;
import org.sga.core.conversation.Answers;
import org.sga.core.conversation.Assistant;
import org.sga.core.conversation.DangerSignals;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.values.JsonText;

/**
 * What {@code ask --json} writes for a question: one JSON object with exactly what the person would
 * be shown, as data (GUIDANCE.md): whether the 999 line opens the reply, the guidance cards in the order shown, whether
 * and which section is quoted as the answer, the see-also sections, and the whole reply as plain text.
 */
final class AskLines {

    private AskLines() {
    }

    /** Reads the content and loads the model, then answers a question with its line. */
    static UnaryOperator<String> answers(ContentSource content) {
        // The model loads on another core while the content is read and indexed.
        CachedEmbedder embedder = content.embedder();
        Library library = content.library();
        // The guidance files first: a broken one stops the tool before the slow part.
        Answers answers = content.answers(library, embedder);
        DangerSignals danger = content.dangerSignals(library, embedder);
        Assistant assistant = new Assistant(content.index(library, embedder), answers, danger);
        embedder.allStepsStarted();
        return line -> json(line, assistant.handle(InboundMessage.direct("cli", "ask", line)));
    }

    static String json(String query, Reply reply) {
        StringBuilder json = new StringBuilder("{\"query\":").append(JsonText.quote(query))
                .append(",\"danger\":").append(reply.urgent() != null)
                .append(",\"guidance\":").append(array(reply.guidance().stream().map(Reply.Card::id).toList()))
                .append(",\"answered\":").append(reply.answered())
                .append(",\"section\":").append(reply.answered() ? JsonText.quote(reply.citation().sectionId()) : "null")
                .append(",\"see_also\":").append(array(reply.seeAlso().stream().map(Citation::sectionId).toList()))
                .append(",\"text\":").append(JsonText.quote(ConsoleRenderer.render(reply).strip()));
        return json.append('}').toString();
    }

    private static String array(List<String> items) {
        return "[" + String.join(",", items.stream().map(JsonText::quote).toList()) + "]";
    }
}
