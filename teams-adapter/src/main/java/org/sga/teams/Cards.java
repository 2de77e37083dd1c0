package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.schema.Attachment;
import java.net.URI;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Reply;

/**
 * Core replies as Adaptive Cards (schema 1.4, what Teams renders on every client). Every button is an
 * {@code Action.Submit} whose data says what it is ({@code sga}: choice, feedback or ack), so the bot never has to
 * guess from text. Text that carries anyone's own words (an escalation notice with the reporter's note and name, a
 * notice to the reporter, the line that closes a clicked card) is plain text ({@code RichTextBlock} runs, which Teams
 * never reads as Markdown), so it cannot become a link, an image or a mention; procedure answers keep their Markdown.
 */
final class Cards {

    static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
    static final String KIND = "sga";
    static final String CHOICE = "choice";
    static final String FEEDBACK = "feedback";
    static final String ACK = "ack";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Cards() {
    }

    /**
     * The reply as a card: urgent line first, then the guidance cards, the next step, the text and its citation,
     * checklist, see-also, notes, then buttons.
     */
    static ObjectNode reply(Reply reply) {
        ObjectNode card = card();
        ArrayNode body = (ArrayNode) card.get("body");
        if (reply.urgent() != null) {
            body.add(text(reply.urgent()).put("weight", "Bolder").put("color", "Attention"));
        }
        for (Reply.Card guidance : reply.guidance()) {
            ObjectNode container = F.objectNode().put("type", "Container").put("style", "warning").put("spacing", "Medium");
            ArrayNode items = container.putArray("items");
            items.add(text(guidance.title()).put("weight", "Bolder").put("size", "Medium"));
            items.add(text(guidance.first()).put("weight", "Bolder"));
            items.add(text(guidance.text()));
            items.add(text("Never: " + guidance.never()));
            for (Citation c : guidance.procedure()) {
                items.add(text("Procedure: " + c.full()).put("isSubtle", true).put("size", "Small"));
            }
            for (String national : guidance.national()) {
                items.add(text(national).put("isSubtle", true).put("size", "Small"));
            }
            items.add(text(guidance.review()).put("isSubtle", true).put("size", "Small"));
            body.add(container);
        }
        if (reply.nextStep() != null) {
            body.add(text("Next step: " + reply.nextStep().text() + " (" + reply.nextStep().source().label() + ")")
                    .put("weight", "Bolder").put("spacing", "Medium"));
        }
        if (!reply.text().isBlank()) {
            body.add(text(reply.text()));
        }
        if (reply.citation() != null) {
            body.add(text("Source: " + reply.citation().full() + " — " + reply.citation().heading()).put("isSubtle", true).put("size", "Small"));
            body.add(text(reply.citation().content()).put("isSubtle", true).put("size", "Small"));
        }
        for (Reply.ChecklistGroup group : reply.checklistGroups()) {
            body.add(text(group.heading()).put("size", "Medium").put("weight", "Bolder").put("spacing", "Large")
                    .put("separator", true));
            int n = 0;
            for (Reply.ChecklistItem item : group.items()) {
                body.add(text(++n + ". " + item.title()).put("weight", "Bolder").put("spacing", "Medium"));
                body.add(text(item.text()));
                if (!item.cites().isEmpty()) {
                    body.add(text(String.join("; ", item.cites().stream().map(Citation::full).toList()))
                            .put("isSubtle", true).put("size", "Small"));
                }
            }
        }
        if (!reply.seeAlso().isEmpty()) {
            body.add(text("See also").put("weight", "Bolder").put("spacing", "Medium"));
            for (Citation c : reply.seeAlso()) {
                body.add(text("• " + c.label() + " — " + c.heading()).put("size", "Small"));
            }
        }
        for (String note : reply.notes()) {
            body.add(text(note).put("isSubtle", true).put("size", "Small"));
        }
        ArrayNode actions = (ArrayNode) card.get("actions");
        for (Choice choice : reply.choices()) {
            actions.add(submit(choice.label(), F.objectNode().put(KIND, CHOICE).put("value", choice.value())
                    .put("label", choice.label())));
        }
        if (reply.kind() == Reply.Kind.ANSWER && reply.citation() != null) {
            actions.add(feedback("Helpful", reply.citation(), true));
            actions.add(feedback("Not helpful", reply.citation(), false));
        }
        if (reply.citation() != null && isWebAddress(reply.citation().link())) {
            actions.add(F.objectNode().put("type", "Action.OpenUrl")
                    .put("title", reply.citation().chapterUrl() != null ? "Open the chapter" : "Open the procedures")
                    .put("url", reply.citation().link()));
        }
        return card;
    }

    /** An escalation for a role's channel, with the Acknowledge button. */
    static ObjectNode escalation(String ref, String role, String payload) {
        ObjectNode card = card();
        plain((ArrayNode) card.get("body"), payload);
        ((ArrayNode) card.get("actions")).add(submit("Acknowledge", F.objectNode().put(KIND, ACK).put("ref", ref).put("role", role)));
        return card;
    }

    /** A plain notice (e.g. to the reporter) as a card without buttons. */
    static ObjectNode notice(String text) {
        ObjectNode card = card();
        plain((ArrayNode) card.get("body"), text);
        return card;
    }

    /** The same card without its buttons and with a closing line, so it cannot be answered twice. */
    static ObjectNode answered(JsonNode original, String line) {
        ObjectNode card = original != null && original.isObject() ? ((ObjectNode) original).deepCopy() : card();
        card.set("actions", F.arrayNode());
        if (!card.path("body").isArray()) {
            card.set("body", F.arrayNode());
        }
        ((ArrayNode) card.get("body")).add(plainLine("✔ " + line).put("spacing", "Medium"));
        return card;
    }

    static Attachment attachment(JsonNode card) {
        Attachment a = new Attachment();
        a.setContentType(CONTENT_TYPE);
        a.setContent(card);
        return a;
    }

    static boolean hasActions(JsonNode card) {
        return card.path("actions").size() > 0;
    }

    private static ObjectNode card() {
        ObjectNode card = F.objectNode();
        card.put("type", "AdaptiveCard");
        card.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json");
        card.put("version", "1.4");
        card.set("body", F.arrayNode());
        card.set("actions", F.arrayNode());
        card.set("msteams", F.objectNode().put("width", "Full"));
        return card;
    }

    private static ObjectNode text(String text) {
        return F.objectNode().put("type", "TextBlock").put("text", text).put("wrap", true);
    }

    /** {@code text} as plain text, a block per line so line breaks show on every client. */
    static void plain(ArrayNode body, String text) {
        boolean gap = false;
        for (String line : text.split("\n", -1)) {
            if (line.isBlank()) {
                gap = true;
                continue;
            }
            ObjectNode block = plainLine(line);
            if (gap) {
                block.put("spacing", "Medium");
                gap = false;
            }
            body.add(block);
        }
    }

    private static ObjectNode plainLine(String line) {
        ObjectNode block = F.objectNode().put("type", "RichTextBlock");
        block.putArray("inlines").addObject().put("type", "TextRun").put("text", line);
        return block;
    }

    private static ObjectNode submit(String title, ObjectNode data) {
        ObjectNode action = F.objectNode().put("type", "Action.Submit").put("title", title);
        action.set("data", data);
        return action;
    }

    private static ObjectNode feedback(String title, Citation citation, boolean helpful) {
        return submit(title, F.objectNode().put(KIND, FEEDBACK).put("helpful", helpful)
                .put("section", citation.sectionId()).put("version", citation.version()));
    }

    private static boolean isWebAddress(String s) {
        if (s == null) {
            return false;
        }
        try {
            String scheme = URI.create(s).getScheme();
            return "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
