package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Platform;
import org.sga.core.search.QueryText;
import org.sga.core.search.SearchResult;
import org.sga.core.search.Searcher;
import org.sga.core.search.SectionIndex;

/**
 * The bot's behaviour for one message: image guidance for attachments, help, the guided triage when one is under
 * way or asked for, and otherwise a safe answer from the procedures (the 999 line when a child may be in danger now,
 * the guidance cards that apply, then the procedure's own text; see {@link Answers}).
 */
public final class Assistant implements Conversation {

    static final String HELP = """
            I answer questions from the safeguarding procedures, quoting the procedure itself with its section number.
            Ask in your own words, for example "a pupil's nudes are going round school, what do I do?".
            Type "report a concern" to be taken through a few questions that end in a checklist of what the procedure \
            requires and a message to the right people.
            If a child is in immediate danger, call 999.""";

    private final Searcher searcher;
    private final Answers answers;
    private final DangerSignals danger;
    private final TriageDialogue triage;
    private final Acknowledger acknowledgements;
    private final ConversationEvents events;
    private static final java.util.regex.Pattern ACK = java.util.regex.Pattern.compile(
            "(?i)^ack(?:nowledge)?\\s+(SG-[A-Z0-9-]+)(?:\\s+([a-z_]+))?$");

    /** Questions only, no triage (for tools and tests of search). */
    public Assistant(Searcher searcher, Answers answers, DangerSignals danger) {
        this(searcher, answers, danger, null);
    }

    public Assistant(Searcher searcher, Answers answers, DangerSignals danger, TriageDialogue triage) {
        this(searcher, answers, danger, triage, null);
    }

    /** With {@code acknowledgements}, "ack REF [role]" acknowledges an escalation as the sender. */
    public Assistant(Searcher searcher, Answers answers, DangerSignals danger, TriageDialogue triage,
                     Acknowledger acknowledgements) {
        this(searcher, answers, danger, triage, acknowledgements, ConversationEvents.NONE);
    }

    /** With {@code events} told of every question answered or not (for metrics and the content owners). */
    public Assistant(Searcher searcher, Answers answers, DangerSignals danger, TriageDialogue triage,
                     Acknowledger acknowledgements, ConversationEvents events) {
        this.events = java.util.Objects.requireNonNull(events, "events");
        this.acknowledgements = acknowledgements;
        this.searcher = searcher;
        this.answers = answers;
        this.danger = danger;
        this.triage = triage;
    }

    @Override
    public Reply handle(InboundMessage message) {
        if (message.hasFiles()) {
            Reply files = answers.forFiles();
            // The words sent with a file are still read for danger, never echoed.
            return danger.present(QueryText.clean(message.text())) ? withUrgent(files) : files;
        }
        String text = QueryText.clean(message.text());
        String command = text.toLowerCase(Locale.ROOT).replaceAll("[.!?]+$", "").strip();
        if (text.isEmpty()) {
            return Reply.notice("Type a question about the safeguarding procedures, or \"help\".");
        }
        java.util.regex.Matcher ack = ACK.matcher(text);
        if (acknowledgements != null && ack.matches()) {
            Platform platform = Platform.fromId(message.platform()).orElse(Platform.CONSOLE);
            return Reply.notice(acknowledgements.acknowledge(AcknowledgeRequest.typed(ack.group(1), ack.group(2),
                    new Actor(platform, message.userId()))).text());
        }
        if (triage != null) {
            Optional<Reply> step = triage.handle(message, text);
            if (step.isPresent()) {
                return step.get();
            }
        }
        if (command.equals("help") || command.equals("?") || command.equals("/help")) {
            return new Reply(Reply.Kind.HELP, null, HELP, null, List.of(),
                    List.of(new Choice("report a concern", "Report a concern")), List.of());
        }
        Optional<DangerSignals.Alert> alert = danger.alert(text);
        boolean urgent = alert.isPresent();
        if (!QueryText.hasWords(text)) {
            Reply r = Reply.notice("I couldn't find any words in that. Please ask your question in words, or type \"help\".");
            return urgent ? withUrgent(r) : r;
        }
        List<String> notes = new ArrayList<>();
        if (text.length() > SectionIndex.MAX_QUERY_CHARS) {
            notes.add(String.format(Locale.ROOT, "Your message is long (%,d characters); I searched its first %,d.",
                    text.length(), SectionIndex.MAX_QUERY_CHARS));
        }
        SearchResult result = searcher.search(text, 5);
        if (result.answered()) {
            events.answered(message.platform(), result.hits().getFirst().section().globalId());
        } else {
            // Content owners see what was missing: a topic the procedures don't cover, or a detail they don't give.
            String topic = result.notCoveredTopic() != null ? result.notCoveredTopic()
                    : result.missingDetail() != null ? "Not stated in the procedure: " + result.missingDetail() : null;
            events.notConfident(message.platform(), text, topic);
        }
        return answers.compose(result, text, alert.orElse(null), notes);
    }

    private static Reply withUrgent(Reply r) {
        return new Reply(r.kind(), Answers.CALL_999, r.text(), r.citation(), r.seeAlso(), r.choices(), r.notes(), r.checklist(),
                r.guidance(), r.nextStep());
    }
}
