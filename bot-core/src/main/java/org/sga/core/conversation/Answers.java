package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.sga.content.Library;
import org.sga.content.Procedure;
import org.sga.content.Section;
import org.sga.core.guidance.GuidanceCard;
import org.sga.core.guidance.GuidanceCards;
import org.sga.core.guidance.SectionGuidance;
import org.sga.core.search.Embedder;
import org.sga.core.search.Hit;
import org.sga.core.search.SearchResult;

/**
 * Turns search results into a safe reply (GUIDANCE.md): the 999 line first when danger is signalled, then the guidance
 * cards the question calls for, then the next thing to do where the question asks, then the quoted section as
 * published (whole sentences, keeping the one that answers when it must be shortened) with its citation and up to two
 * related sections. A section a card contradicts, one the labelled staff messages nearest the question say reads as the
 * wrong advice, or one about another kind of concern than the question's, is not quoted as the answer. Not confident: says so, offers the closest sections, and points to the safeguarding lead.
 */
public final class Answers {

    /** Longer sections are cut at a sentence end near this length, with a pointer to the full text. */
    static final int MAX_CHARS = 900;

    static final String CALL_999 = "If a child is in immediate danger, call 999 now. Then tell your designated safeguarding lead.";

    /** How far down the ranking a section may be and still be quoted instead of a better one that must not be. */
    private static final int ALTERNATIVES = 3;

    static final String FILE_GUIDANCE = """
            Please do not send, forward, copy or download images or videos of a child, even to report them: \
            doing so can itself be an offence and spreads the harm. I have not opened, saved or passed on your file; \
            please delete it from this chat.""";

    private final Library library;
    private final GuidanceCards cards;
    private final SectionGuidance sections;
    private final SentencePicker sentences;

    /** Quotes the best section with no guidance cards and no knowledge of sections beyond their text. */
    public Answers(Library library) {
        this(library, GuidanceCards.empty(), SectionGuidance.empty(), null);
    }

    /**
     * With the guidance cards and section guidance of the content; {@code embedder} (or null, for words only) finds the
     * sentence of a long section that answers the question.
     */
    public Answers(Library library, GuidanceCards cards, SectionGuidance sections, Embedder embedder) {
        this.library = library;
        this.cards = cards;
        this.sections = sections;
        this.sentences = new SentencePicker(embedder);
    }

    /** A reply for search results without reading the question for cards, concerns or a next step. */
    public Reply compose(SearchResult result, boolean danger, List<String> notes) {
        return compose(result, null, danger, notes);
    }

    /**
     * The reply to {@code question} (null: the cards, concerns and next step are not looked for) given its search
     * results and whether the 999 line comes first.
     */
    public Reply compose(SearchResult result, String question, boolean danger, List<String> notes) {
        return compose(result, question, danger ? new DangerSignals.Alert("", List.of(), List.of()) : null, notes);
    }

    /**
     * As above, with the 999 line when {@code alert} is not null, the cards (ids) its danger situation brings shown as
     * well where the question has the card's words, and the sections it never quotes left out.
     */
    public Reply compose(SearchResult result, String question, DangerSignals.Alert alert, List<String> notes) {
        String urgent = alert != null ? CALL_999 : null;
        GuidanceCards.Deciding decided = question == null ? GuidanceCards.Deciding.NONE
                : cards.deciding(question, alert == null ? List.of() : alert.cards());
        List<GuidanceCard> applying = decided.shown();
        List<Reply.Card> shownCards = applying.stream().map(this::card).toList();
        Set<String> neverQuote = new LinkedHashSet<>(alert == null ? List.of() : alert.neverQuote());
        applying.forEach(c -> neverQuote.addAll(c.neverQuote()));
        // A card held back (card-far) is not shown, but the sections that would read as the opposite of its advice are
        // still not the answer.
        decided.heldBack().forEach(c -> neverQuote.addAll(c.neverQuote()));
        // Nor a section that the labelled staff messages nearest the question say would read as the wrong advice.
        neverQuote.addAll(decided.neverQuoted());
        // Read only when a section that depends on it is in question: it costs a comparison with the kinds' examples.
        Supplier<Set<String>> concerns = memo(() -> question == null ? Set.of() : sections.concernsOf(question));
        List<Hit> hits = result.hits();
        if (!result.answered() || hits.isEmpty()) {
            return notConfident(result, urgent, shownCards, notes, List.of());
        }
        Hit chosen = null;
        boolean asksWhatToDo = question != null && sections.asksWhatToDo(question);
        if (!applying.isEmpty()) {
            // A card says what to do: the quote under it comes from a section the cards rest on when search ranked one
            // among the best few, so that the procedure's words back the card rather than pull another way.
            Set<String> cited = new LinkedHashSet<>();
            applying.forEach(c -> cited.addAll(c.procedure()));
            chosen = hits.stream().limit(ALTERNATIVES).filter(h -> unit(h.section()).stream().anyMatch(s -> cited.contains(s.globalId())))
                    .filter(h -> quotable(h.section(), neverQuote, concerns)).findFirst().orElse(null);
        }
        if (chosen == null) {
            List<Hit> candidates = hits.stream().limit(ALTERNATIVES).filter(h -> quotable(h.section(), neverQuote, concerns)).toList();
            chosen = candidates.isEmpty() ? null : candidates.getFirst();
            if (chosen != null && asksWhatToDo && nextStep(chosen).isEmpty()) {
                // A question that asks what to do is answered from a section that says what to do, when search found
                // one about as close as a section that only describes.
                Hit best = chosen;
                chosen = candidates.stream().filter(h -> nextStep(h).isPresent() && nearlyAsClose(h, best)).findFirst().orElse(best);
            }
        }
        if (chosen == null) {
            List<Hit> others = hits.stream().filter(h -> quotable(h.section(), neverQuote, concerns)).toList();
            return notConfident(result, urgent, shownCards, notes, others.isEmpty() ? List.of() : others);
        }
        Section shown = chosen.section();
        // A section that only introduces the next one ("... the following procedure should be followed:") is shown
        // with it, both as published, and cited as a range. Search finds the pair as the section introduced; a
        // searcher that returns the lead-in itself gets the same answer.
        List<Section> unit = unit(shown);
        Section first = unit.getFirst();
        Section last = unit.getLast();
        List<Citation> seeAlso = new ArrayList<>();
        Hit quoted = chosen;
        for (Hit h : hits) {
            // Related only when close to the quoted one in meaning (or in score, for the lexical index).
            boolean related = quoted.similarity() > 0 ? h.similarity() >= quoted.similarity() - 0.15 : h.score() >= quoted.score() * 0.6;
            if (related && seeAlso.size() < 2 && !unit.contains(h.section()) && quotable(h.section(), neverQuote, concerns)) {
                seeAlso.add(cite(h.section()));
            }
        }
        Reply.NextStep next = asksWhatToDo ? nextStep(chosen).orElse(null) : null;
        List<Choice> choices = List.of(new Choice("report a concern", "Start triage"));
        String body = first == last ? shown.text() : first.text().strip() + "\n\n" + last.text();
        Citation citation = first == last ? cite(shown) : citeThrough(first, last);
        String answering = question == null || body.length() <= MAX_CHARS * 4 / 3 ? null : sentences.best(question, body);
        return new Reply(Reply.Kind.ANSWER, urgent, trim(body, answering),
                citation, seeAlso, choices, notes, List.of(), shownCards, next);
    }

    /**
     * The reply to a message that carries a file: never opened, stored or passed on; the bot's own words and the card
     * the content names for files, with its sources.
     */
    public Reply forFiles() {
        List<Reply.Card> card = cards.forFiles().map(this::card).stream().toList();
        List<Citation> cites = card.isEmpty() ? List.of() : card.getFirst().procedure();
        return new Reply(Reply.Kind.IMAGE_GUIDANCE, null, FILE_GUIDANCE, cites.isEmpty() ? null : cites.getFirst(),
                cites.isEmpty() ? List.of() : cites.subList(1, cites.size()), List.of(), List.of(), List.of(), card, null);
    }

    private Reply notConfident(SearchResult result, String urgent, List<Reply.Card> cards, List<String> notes, List<Hit> declined) {
        List<Hit> hits = result.answered() ? declined : result.hits();
        List<Citation> closest = hits.stream().limit(3).map(h -> cite(h.section())).toList();
        String why = result.answered()
                ? "The section of the procedures closest to your words is about a different situation, so I won't quote it as the answer. "
                : result.namedTopic() != null
                ? "That may be a question about \"" + result.namedTopic() + "\", which the procedures loaded here do not cover. "
                : result.missingDetail() != null
                ? "That asks for " + result.missingDetail() + ", and the closest section of the procedures does not give one. "
                : "";
        String text = why + (cards.isEmpty()
                ? "I'm not sure the procedures I know answer that, so I won't guess. "
                : "No section of the procedures answers that directly; the guidance above says what to do. ")
                + "Please ask your designated safeguarding lead (DSL) or your manager."
                + (closest.isEmpty() ? "" : " The closest sections I found are listed below in case one of them helps.");
        List<Choice> choices = List.of(new Choice("report a concern", "Report a concern"));
        return new Reply(Reply.Kind.NOT_CONFIDENT, urgent, text, null, closest, choices, notes, List.of(), cards, null);
    }

    /** The next thing to do that the section (or the one its lead-in introduces) says, with its citation. */
    private java.util.Optional<Reply.NextStep> nextStep(Hit hit) {
        for (Section s : unit(hit.section()).reversed()) {
            java.util.Optional<String> step = sections.nextStep(s.globalId());
            if (step.isPresent()) {
                return java.util.Optional.of(new Reply.NextStep(step.get(), cite(s)));
            }
        }
        return java.util.Optional.empty();
    }

    /** Whether {@code other} is about as close to the question as {@code best} (by meaning, or by score when lexical). */
    private boolean nearlyAsClose(Hit other, Hit best) {
        return best.similarity() > 0 ? other.similarity() >= best.similarity() - sections.sameCloseness()
                : other.score() >= best.score() * 0.8;
    }

    /** False for a section a card says never to quote, or one about other kinds of concern than the question's. */
    private boolean quotable(Section section, Set<String> neverQuote, Supplier<Set<String>> concerns) {
        for (Section s : unit(section)) {
            if (neverQuote.contains(s.globalId()) || !sections.fits(s.globalId(), concerns.get())) {
                return false;
            }
        }
        return true;
    }

    /** The section with the lead-in shown before it, or with the section its lead-in introduces; in document order. */
    private List<Section> unit(Section section) {
        Procedure procedure = procedure(section);
        Section first = procedure.leadInTo(section).orElse(section);
        Section last = procedure.continuationOf(section).orElse(section);
        return first == last ? List.of(section) : List.of(first, last);
    }

    private Reply.Card card(GuidanceCard card) {
        return new Reply.Card(card.id(), card.title(), card.first(), card.text(), card.never(),
                citations(card.procedure().toArray(String[]::new)).all(),
                card.national().stream().map(GuidanceCard.NationalGuidance::label).toList(), card.review());
    }

    private Procedure procedure(Section section) {
        return library.procedure(section.procedureSlug()).orElseThrow();
    }

    /**
     * {@code … §4.3–4.4}: the first section's citation extended to the one that continues it; its id is the section
     * introduced, which is what answers.
     */
    private Citation citeThrough(Section first, Section last) {
        Citation c = cite(first);
        String label = c.label().endsWith("§" + first.id()) ? c.label() + "–" + last.id() : c.label() + " and §" + last.id();
        return new Citation(last.globalId(), label, c.heading(), c.version(), c.lastReviewed(), c.source(), c.procedureVersion(),
                c.procedureReviewed(), c.chapterUrl());
    }

    /** Citations for the bot's own words, looked up once. */
    Citations citations(String... globalIds) {
        List<Citation> list = new ArrayList<>();
        for (String id : globalIds) {
            library.section(id).ifPresent(section -> list.add(cite(section)));
        }
        return new Citations(list);
    }

    /** Citations for a passage of the bot's own words; empty when the cited procedure is not loaded. */
    record Citations(List<Citation> all) {
        Citation first() {
            return all.isEmpty() ? null : all.get(0);
        }

        List<Citation> rest() {
            return all.isEmpty() ? List.of() : all.subList(1, all.size());
        }
    }

    Citation cite(Section section) {
        return Citation.of(procedure(section), section);
    }

    /** The whole text when short; otherwise whole sentences up to about {@link #MAX_CHARS}, never cut mid-sentence. */
    static String trim(String text) {
        return trim(text, null);
    }

    /**
     * As {@link #trim(String)}, and when {@code answering} (a sentence of the text, or null) falls after the cut, it is
     * quoted too, after a mark that text was left out: a cut never drops the sentence that answers.
     */
    static String trim(String text, String answering) {
        if (text.length() <= MAX_CHARS * 4 / 3) {
            return text;
        }
        int cut = -1;
        for (int i = 0; i < text.length() && i <= MAX_CHARS; i++) {
            if (SentencePicker.endsSentence(text, i)) {
                cut = i + 1;
            }
        }
        if (cut <= 0) {
            return text;
        }
        String kept = text.substring(0, cut).strip();
        int at = answering == null ? -1 : text.indexOf(answering, cut);
        if (at >= 0) {
            kept += "\n[…] " + answering.strip();
            if (at + answering.length() >= text.strip().length()) {
                return kept;
            }
        }
        return kept + "\n[…] The section continues: see the full text at the source below.";
    }

    private static <T> Supplier<T> memo(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;
            private boolean done;

            @Override
            public T get() {
                if (!done) {
                    value = supplier.get();
                    done = true;
                }
                return value;
            }
        };
    }
}
