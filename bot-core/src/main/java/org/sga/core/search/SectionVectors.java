package org.sga.core.search;

import java.util.List;
import org.sga.content.Section;

/**
 * The meaning half of the search: each section's text and alternate phrasings embedded, and the phrasings of the
 * topics the procedures do not cover, so that a question's cosine similarity to each can be read off.
 */
final class SectionVectors {

    /**
     * How many of a topic's phrasings its closeness to a question averages. One phrasing alone let single chance
     * matches decline questions the procedure answers; two did best of the configurations judged on a set never tuned
     * on (eval/DECISIONS.md, decision 4).
     */
    static final int PHRASINGS_PER_TOPIC = 2;

    private final Embedder embedder;
    private final float[][] bodyVectors;
    private final float[][][] alternateVectors;
    private final NotCovered notCovered;
    private final float[][][] topicVectors;
    private final LexicalIndex lexical;

    /** Embeds every section and phrasing; {@code lexical} says which section is a lead-in to which. */
    SectionVectors(List<Section> sections, NotCovered notCovered, Embedder embedder, LexicalIndex lexical) {
        this.embedder = embedder;
        this.lexical = lexical;
        // Both cores: embedding every section and phrasing is most of the start-up time.
        this.bodyVectors = sections.parallelStream().map(sec -> embedder.embedPassage(sec.heading() + ". " + sec.text())).toArray(float[][]::new);
        this.alternateVectors = sections.parallelStream()
                .map(sec -> sec.alternates().stream().map(embedder::embedContent).toArray(float[][]::new)).toArray(float[][][]::new);
        this.notCovered = notCovered;
        this.topicVectors = notCovered.topics().stream()
                .map(t -> t.phrases().stream().map(embedder::embedContent).toArray(float[][]::new)).toArray(float[][][]::new);
    }

    /** The question's vector. */
    float[] embed(String text) {
        return embedder.embed(text);
    }

    /** The closest of the section's text and phrasings, and of its lead-in's, to the question. */
    double similarity(float[] q, int ord) {
        double best = Vectors.dot(q, bodyVectors[ord]);
        for (float[] alternate : alternateVectors[ord]) {
            best = Math.max(best, Vectors.dot(q, alternate));
        }
        int lead = lexical.leadInOf(ord);
        return lead >= 0 ? Math.max(best, similarity(q, lead)) : best;
    }

    /** The topic not covered closest to the question (its index, -1: none), and how close; the first of equals. */
    record Topic(int index, double closeness) {
        static final Topic NONE = new Topic(-1, Double.NEGATIVE_INFINITY);
    }

    /** The topic's name (null: none). */
    String topicName(Topic topic) {
        return topic.index() < 0 ? null : notCovered.topics().get(topic.index()).name();
    }

    /** Whether the reply to {@code question} may name the topic as not covered ({@link NotCovered#named}). */
    boolean namedTo(Topic topic, String question) {
        return topic.index() < 0 || notCovered.named(notCovered.topics().get(topic.index()), question);
    }

    Topic closestTopic(float[] q) {
        Topic closest = Topic.NONE;
        for (int t = 0; t < topicVectors.length; t++) {
            double closeness = Vectors.closeness(q, topicVectors[t], PHRASINGS_PER_TOPIC);
            if (closeness > closest.closeness()) {
                closest = new Topic(t, closeness);
            }
        }
        return closest;
    }
}
