package org.sga.core.conversation;

import java.util.ArrayList;
import java.util.List;
import org.sga.content.Library;
import org.sga.content.Procedure;
import org.sga.content.Section;
import org.sga.core.search.Hit;
import org.sga.core.search.SearchResult;

/**
 * Turns search results into a reply: the best section's published text (whole sentences when it must be
 * shortened), its citation, up to two related sections, and the 999 line first when danger is signalled.
 * Not confident: says so, offers the closest sections, and points to the safeguarding lead.
 */
public final class Answers {

    /** Longer sections are cut at a sentence end near this length, with a pointer to the full text. */
    static final int MAX_CHARS = 900;

    static final String CALL_999 = "If a child is in immediate danger, call 999 now. Then tell your designated safeguarding lead.";

    private final Library library;

    public Answers(Library library) {
        this.library = library;
    }

    public Reply compose(SearchResult result, boolean danger, List<String> notes) {
        String urgent = danger ? CALL_999 : null;
        List<Hit> hits = result.hits();
        if (!result.answered() || hits.isEmpty()) {
            List<Citation> closest = hits.stream().limit(3).map(h -> cite(h.section())).toList();
            String elsewhere = result.notCoveredTopic() != null
                    ? "That may be a question about \"" + result.notCoveredTopic()
                            + "\", which the procedures loaded here do not cover. "
                    : result.missingDetail() != null
                    ? "That asks for " + result.missingDetail() + ", and the closest section of the procedures does not give one. "
                    : "";
            String text = elsewhere + "I'm not sure the procedures I know answer that, so I won't guess. "
                    + "Please ask your designated safeguarding lead (DSL) or your manager."
                    + (closest.isEmpty() ? "" : " The closest sections I found are listed below in case one of them helps.");
            List<Choice> choices = new ArrayList<>();
            choices.add(new Choice("report a concern", "Report a concern"));
            return new Reply(Reply.Kind.NOT_CONFIDENT, urgent, text, null, closest, choices, notes);
        }
        Hit best = hits.get(0);
        Section shown = best.section();
        // A section that only introduces the next one ("... the following procedure should be followed:") is shown
        // with it, both as published, and cited as a range. Search finds the pair as the section introduced; a
        // searcher that returns the lead-in itself gets the same answer.
        Procedure procedure = procedure(shown);
        Section first = procedure.leadInTo(shown).orElse(shown);
        Section last = procedure.continuationOf(shown).orElse(shown);
        List<Citation> seeAlso = new ArrayList<>();
        for (Hit h : hits.subList(1, hits.size())) {
            // Related only when close to the best in meaning (or in score, for the lexical index).
            boolean related = best.similarity() > 0 ? h.similarity() >= best.similarity() - 0.15 : h.score() >= best.score() * 0.6;
            if (related && seeAlso.size() < 2 && h.section() != first && h.section() != last) {
                seeAlso.add(cite(h.section()));
            }
        }
        List<Choice> choices = List.of(new Choice("report a concern", "Start triage"));
        if (first != last) {
            return new Reply(Reply.Kind.ANSWER, urgent, trim(first.text().strip() + "\n\n" + last.text()),
                    citeThrough(first, last), seeAlso, choices, notes);
        }
        return new Reply(Reply.Kind.ANSWER, urgent, trim(shown.text()), cite(shown), seeAlso, choices, notes);
    }

    private Procedure procedure(Section section) {
        return library.procedure(section.procedureSlug()).orElseThrow();
    }

    /** {@code … §4.3–4.4}: the first section's citation, extended to the one that continues it. */
    private Citation citeThrough(Section first, Section last) {
        Citation c = cite(first);
        String label = c.label().endsWith("§" + first.id()) ? c.label() + "–" + last.id() : c.label() + " and §" + last.id();
        return new Citation(c.sectionId(), label, c.heading(), c.version(), c.lastReviewed(), c.source());
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
        if (text.length() <= MAX_CHARS * 4 / 3) {
            return text;
        }
        int cut = -1;
        for (int i = 0; i < text.length() && i <= MAX_CHARS; i++) {
            char c = text.charAt(i);
            if ((c == '.' || c == '!' || c == '?' || c == '\n') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))) {
                cut = i + 1;
            }
        }
        if (cut <= 0) {
            return text;
        }
        return text.substring(0, cut).strip() + "\n[…] The section continues: see the full text at the source below.";
    }
}
