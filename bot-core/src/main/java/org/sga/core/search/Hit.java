package org.sga.core.search;

import org.sga.content.Section;

/**
 * One ranked section: its fused score (for ranking only), the IDF-weighted share of the question's words it covers,
 * and its cosine similarity to the question (0 without an embedder). Coverage and similarity are on fixed scales,
 * comparable across questions, so they carry the confidence decision.
 */
public record Hit(Section section, double score, double coverage, double similarity) {
}
