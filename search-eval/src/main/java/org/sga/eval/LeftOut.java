package org.sga.eval;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.sga.app.content.Content;
import org.sga.app.content.ContentSource;
import org.sga.content.Library;
import org.sga.content.Procedure;
import org.sga.content.Section;
import org.sga.core.search.CachedEmbedder;
import org.sga.core.search.NotCovered;
import org.sga.core.search.SectionIndex;

/**
 * The content without the phrasings that are questions being measured: the labelled questions of the tuning sets are
 * folded into the content as phrasings, so a set is measured as if unseen only when its own copies are left out (leave
 * one file out). Phrasings are compared by {@link Section#phrasingKey}: case, quote marks and spacing do not count.
 */
final class LeftOut {

    private LeftOut() {
    }

    /** The library with every alternate phrasing that is one of {@code questions} left out. */
    static Library library(Library library, Collection<String> questions) {
        Set<String> keys = keys(questions);
        return new Library(library.procedures().stream().map(p -> new Procedure(p.slug(), p.title(), p.fullTitle(), p.partnership(),
                p.source(), p.version(), p.lastReviewed(), p.sections().stream().map(s -> new Section(s.procedureSlug(), s.id(),
                s.heading(), s.text(), s.alternates().stream().filter(a -> !keys.contains(Section.phrasingKey(a))).toList())).toList(),
                p.procedureVersion(), p.procedureReviewed(), p.chapterUrl())).toList());
    }

    /** The topics without the phrasings that are one of {@code questions}; a topic left with none is dropped. */
    static NotCovered notCovered(NotCovered topics, Collection<String> questions) {
        Set<String> keys = keys(questions);
        return new NotCovered(topics.topics().stream()
                .map(t -> new NotCovered.Topic(t.name(), t.phrases().stream().filter(p -> !keys.contains(Section.phrasingKey(p))).toList(),
                        t.offline()))
                .filter(t -> !t.phrases().isEmpty()).toList(), topics.onlineWords());
    }

    /** How many phrasings, of sections and of topics not covered, are one of {@code questions}. */
    static int phrasingsAmong(Library library, NotCovered topics, Collection<String> questions) {
        int sections = library.sections().stream().mapToInt(s -> s.alternates().size()).sum();
        int left = library(library, questions).sections().stream().mapToInt(s -> s.alternates().size()).sum();
        return sections - left + count(topics) - count(notCovered(topics, questions));
    }

    /** As {@link #phrasingsAmong(Library, NotCovered, Collection)} with the content's topics not covered. */
    static int phrasingsAmong(Library library, Collection<String> questions) {
        return phrasingsAmong(library, Content.notCovered(), questions);
    }

    /**
     * The content's index (hybrid with {@code embedder}, lexical when it is null) without the phrasings that are one of
     * {@code questions}: for measuring those questions, never for answering.
     */
    static SectionIndex index(Library library, Collection<String> questions, CachedEmbedder embedder) {
        ContentSource content = Content.contentSource();
        Library searched = library(library, questions);
        return embedder == null ? content.index(searched, false)
                : content.index(searched, embedder, notCovered(content.notCovered(), questions));
    }

    private static int count(NotCovered topics) {
        return topics.topics().stream().mapToInt(t -> t.phrases().size()).sum();
    }

    private static Set<String> keys(Collection<String> texts) {
        Set<String> keys = new HashSet<>();
        texts.forEach(t -> keys.add(Section.phrasingKey(t)));
        return keys;
    }
}
