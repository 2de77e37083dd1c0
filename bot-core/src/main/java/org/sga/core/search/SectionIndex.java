package org.sga.core.search;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import org.apache.lucene.search.IndexSearcher;
import org.sga.content.Library;
import org.sga.content.Section;

/**
 * The procedure sections searched for a question: ranked by the {@link LexicalIndex} alone, or with
 * {@link SectionVectors} in the hybrid (BM25 relative to the question's best section, fused with cosine similarity),
 * and the best one given as the answer or declined by the {@link AnswerDecision}. Built in memory at start-up and
 * read-only after.
 *
 * <p>The decision does not use the BM25 score, which is not comparable across questions, but coverage (the share of
 * the question's IDF-weighted words the best section states) and, in the hybrid, cosine similarity.
 */
public final class SectionIndex implements Searcher {

    /** Questions longer than this are searched on their beginning only; the reply says so. */
    public static final int MAX_QUERY_CHARS = 1_000;

    private final List<Section> sections;
    private final LexicalIndex lexical;
    // Null for lexical search.
    private final SectionVectors vectors;
    private final double lexicalWeight;
    private final AnswerDecision decision;

    private SectionIndex(LexicalIndex lexical, SectionVectors vectors, HybridWeights weights) {
        this.sections = lexical.sections();
        this.lexical = lexical;
        this.vectors = vectors;
        this.lexicalWeight = weights.lexicalWeight();
        this.decision = weights.decision();
    }

    /** Indexes the library's sections with the synonyms (Solr format) as {@code options} say. */
    public static SectionIndex build(Library library, Reader synonymsSolrFormat, SearchOptions options) {
        try {
            LexicalIndex lexical = new LexicalIndex(library, Analyzers.parseSynonyms(synonymsSolrFormat));
            SectionVectors vectors = options.embedder() == null ? null
                    : new SectionVectors(library.sections(), options.notCovered(), options.embedder(), lexical);
            return new SectionIndex(lexical, vectors, options.weights());
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        }
    }

    public int size() {
        return sections.size();
    }

    /** A section in the running for the top: its place in the library, fused score and similarity. */
    private record Ranked(int ord, double score, double similarity) {
    }

    @Override
    public SearchResult search(String question, int maxHits) {
        LexicalIndex.Query prepared = lexical.prepare(question);
        if (prepared == null) {
            return declined(question);
        }
        try {
            LexicalIndex.Scores scores = lexical.scores(prepared, Math.max(200, maxHits * 20));
            float[] q = vectors == null ? null : vectors.embed(prepared.text());
            // Score every section, but build hits (with their coverage) only for the best few: on a large corpus
            // the per-section work must stay a few arithmetic operations.
            int keep = Math.max(1, maxHits);
            PriorityQueue<Ranked> leaders = new PriorityQueue<>(keep + 1, Comparator.comparingDouble(Ranked::score));
            for (int ord = 0; ord < sections.size(); ord++) {
                if (lexical.isLeadIn(ord) || (scores.raw()[ord] <= 0 && q == null)) {
                    continue;
                }
                double similarity = q == null ? 0 : vectors.similarity(q, ord);
                // Similarity is on a fixed scale; BM25 is not, so it enters relative to this question's best.
                double score = q == null ? scores.raw()[ord] : HybridWeights.fused(scores.relative(ord), similarity, lexicalWeight);
                if (leaders.size() < keep || score > leaders.peek().score()) {
                    leaders.add(new Ranked(ord, score, similarity));
                    if (leaders.size() > keep) {
                        leaders.poll();
                    }
                }
            }
            if (leaders.isEmpty()) {
                return declined(question);
            }
            List<Ranked> ranked = new ArrayList<>(leaders);
            ranked.sort(Comparator.comparingDouble(Ranked::score).reversed());
            List<Hit> hits = new ArrayList<>();
            for (Ranked r : ranked) {
                hits.add(new Hit(sections.get(r.ord()), r.score(), lexical.coverage(prepared, r.ord()), r.similarity()));
            }
            int bestOrd = ranked.get(0).ord();
            Hit best = hits.get(0);
            SectionVectors.Topic topic = q == null ? SectionVectors.Topic.NONE : vectors.closestTopic(q);
            AnswerDecision.Verdict verdict = decision.decide(best.similarity(), best.coverage(), prepared.words().size(),
                    topic.closeness(), lexical.detailMissing(prepared, bestOrd));
            double shown = vectors == null ? best.coverage() : best.similarity();
            return new SearchResult(question,
                    verdict == AnswerDecision.Verdict.ANSWERED ? SearchResult.Decision.ANSWERED : SearchResult.Decision.NOT_CONFIDENT,
                    shown, hits.subList(0, Math.min(maxHits, hits.size())),
                    verdict == AnswerDecision.Verdict.NOT_COVERED ? vectors.topicName(topic) : null,
                    verdict == AnswerDecision.Verdict.DETAIL_MISSING ? prepared.detail().what() : null,
                    verdict != AnswerDecision.Verdict.NOT_COVERED || vectors.namedTo(topic, question));
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return declined(question);
        }
    }

    private static SearchResult declined(String question) {
        return new SearchResult(question, SearchResult.Decision.NOT_CONFIDENT, 0, List.of());
    }

    /**
     * One question's signals for every section, for judging other weights without searching again: BM25 relative to
     * the question's best section (0–1), cosine similarity (negative infinity for a lead-in, which is never ranked on
     * its own), coverage; the closest not-covered topic's closeness; whether the section lacks the kind of detail the
     * question asks for ({@link DetailAsked}); and the number of distinct words.
     */
    public record Signals(String[] ids, double[] lexical, double[] similarity, double[] coverage, double notCovered,
                          boolean[] detailMissing, int words) {
    }

    /**
     * Everything the ranking and the decision rest on for one question, for every section; empty for a question with
     * no words (or too long to search). Needs an embedder.
     */
    public Optional<Signals> signals(String question) {
        if (vectors == null) {
            throw new IllegalStateException("signals need an embedder");
        }
        LexicalIndex.Query prepared = lexical.prepare(question);
        if (prepared == null) {
            return Optional.empty();
        }
        try {
            LexicalIndex.Scores scores = lexical.scores(prepared, 200);
            float[] q = vectors.embed(prepared.text());
            int n = sections.size();
            double[] relative = new double[n];
            double[] similarity = new double[n];
            double[] coverage = new double[n];
            boolean[] detailMissing = new boolean[n];
            String[] ids = new String[n];
            for (int ord = 0; ord < n; ord++) {
                ids[ord] = sections.get(ord).globalId();
                if (lexical.isLeadIn(ord)) {
                    similarity[ord] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                relative[ord] = scores.relative(ord);
                similarity[ord] = vectors.similarity(q, ord);
                coverage[ord] = lexical.coverage(prepared, ord);
                detailMissing[ord] = lexical.detailMissing(prepared, ord);
            }
            return Optional.of(new Signals(ids, relative, similarity, coverage, vectors.closestTopic(q).closeness(),
                    detailMissing, prepared.words().size()));
        } catch (IOException e) {
            throw Analyzers.unchecked(e);
        } catch (IndexSearcher.TooManyClauses e) {
            return Optional.empty();
        }
    }
}
