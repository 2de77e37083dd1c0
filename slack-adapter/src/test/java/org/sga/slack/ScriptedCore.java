package org.sga.slack;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.PrivateChats;
import org.sga.core.conversation.PrivateTopics;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.Acknowledger;

/**
 * A stand-in for the core with the same reply shapes: answers with a citation, a two-question triage that ends in
 * a checklist, image guidance for files. Records what it was handed.
 */
final class ScriptedCore implements Conversation {

    static final Citation SECTION = new Citation("child-abuse-and-ict#4.4", "Child abuse and IT §4.4", "Indecent images",
            "seed-1", LocalDate.of(2026, 11, 28), "https://example.org/procedures/ict");
    static final Citation OTHER = new Citation("child-abuse-and-ict#7.2", "Child abuse and IT §7.2", "Preserving evidence",
            "seed-1", LocalDate.of(2026, 11, 28), "https://example.org/procedures/ict");

    /** For tests that press no Acknowledge button: any acknowledgement fails them. */
    static final Acknowledger NO_ACKNOWLEDGEMENTS = request -> {
        throw new AssertionError("no acknowledgement expected");
    };

    final List<InboundMessage> received = new CopyOnWriteArrayList<>();

    /**
     * This stand-in behind the core's real rule that reports continue in private, with the shipped phrases; "report"
     * and "report a concern" start a report, as they start this stand-in's triage.
     */
    Conversation behindPrivateChats() {
        try (var in = new java.io.InputStreamReader(ScriptedCore.class.getResourceAsStream("/conversation/private-topics.txt"),
                java.nio.charset.StandardCharsets.UTF_8)) {
            PrivateTopics topics = PrivateTopics.parse(in, "private-topics.txt");
            return new PrivateChats(this, topics, text -> text.strip().equalsIgnoreCase("report")
                    || text.strip().equalsIgnoreCase("report a concern"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
    private final Map<String, Integer> triage = new ConcurrentHashMap<>();

    @Override
    public Reply handle(InboundMessage m) {
        received.add(m);
        String key = m.conversationId() + "/" + m.userId();
        if (m.hasFiles()) {
            return new Reply(Reply.Kind.IMAGE_GUIDANCE, null, "Please do not send images of a child.", SECTION, List.of(OTHER),
                    List.of(), List.of());
        }
        String text = m.text().strip().toLowerCase();
        Integer step = triage.get(key);
        if (text.equals("report a concern") || text.equals("report")) {
            triage.put(key, 1);
            return question("Is a child in immediate danger?", List.of(new Choice("yes", "Yes"), new Choice("no", "No")));
        }
        if (step != null && step == 1) {
            triage.put(key, 2);
            return question("Was an image shared?", List.of(new Choice("yes", "Yes"), new Choice("no", "No")));
        }
        if (step != null && step == 2) {
            triage.remove(key);
            return new Reply(Reply.Kind.TRIAGE_OUTCOME, null, "Reference SG-1 · urgency high", null, List.of(), List.of(),
                    List.of(), List.of(new Reply.ChecklistItem("TELL_DSL", "reporter", "What you do now", "Tell the DSL", "Tell your designated safeguarding lead today.",
                            List.of(SECTION))));
        }
        if (text.equals("help")) {
            return new Reply(Reply.Kind.HELP, null, "I answer questions.", null, List.of(), List.of(new Choice("report a concern",
                    "Report a concern")), List.of());
        }
        return new Reply(Reply.Kind.ANSWER, null, "Do not copy or forward the image. <Tell> the **DSL** & police.", SECTION,
                List.of(OTHER), List.of(new Choice("report a concern", "Start triage")), List.of());
    }

    private static Reply question(String text, List<Choice> choices) {
        return new Reply(Reply.Kind.TRIAGE_QUESTION, null, text, null, List.of(), choices, List.of("Question"));
    }
}
