package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sga.core.search.AnswerDecision.Verdict;

class AnswerDecisionTest {

    private final AnswerDecision decision = new AnswerDecision(new Confidence(0.15, 0.88, 0.84, 0.40, 0.70), -0.01);
    private static final double NO_TOPIC = Double.NEGATIVE_INFINITY;

    @Test
    void aVeryCloseSectionIsTheAnswerAndACloseOneOnlyWhenItCoversEnoughOfTheQuestion() {
        assertThat(decision.decide(0.90, 0.20, 5, NO_TOPIC, false)).isEqualTo(Verdict.ANSWERED);
        assertThat(decision.decide(0.85, 0.45, 5, NO_TOPIC, false)).isEqualTo(Verdict.ANSWERED);
        assertThat(decision.decide(0.85, 0.30, 5, NO_TOPIC, false)).isEqualTo(Verdict.NOT_CONFIDENT);
        assertThat(decision.decide(0.85, 0.45, 1, NO_TOPIC, false)).as("one word needs more coverage").isEqualTo(Verdict.NOT_CONFIDENT);
        assertThat(decision.decide(0.95, 0.10, 5, NO_TOPIC, false)).as("below the coverage floor").isEqualTo(Verdict.NOT_CONFIDENT);
    }

    @Test
    void aTopicNotCoveredCloserThanTheBestSectionGiveOrTakeTheMarginDeclinesEvenAConfidentAnswer() {
        assertThat(decision.decide(0.90, 0.50, 5, 0.895, false)).isEqualTo(Verdict.NOT_COVERED);
        assertThat(decision.decide(0.90, 0.50, 5, 0.885, false)).isEqualTo(Verdict.ANSWERED);
        assertThat(decision.decide(0.70, 0.10, 5, 0.80, true)).as("named even when not confident").isEqualTo(Verdict.NOT_COVERED);
    }

    @Test
    void aMissingDetailIsReportedOnlyForAnAnswerOtherwiseGiven() {
        assertThat(decision.decide(0.90, 0.50, 5, NO_TOPIC, true)).isEqualTo(Verdict.DETAIL_MISSING);
        assertThat(decision.decide(0.50, 0.50, 5, NO_TOPIC, true)).isEqualTo(Verdict.NOT_CONFIDENT);
        assertThat(decision.answers(0.90, 0.50, 5, NO_TOPIC, true)).isFalse();
        assertThat(decision.answers(0.90, 0.50, 5, NO_TOPIC, false)).isTrue();
    }

    @Test
    void withoutAnEmbedderCoverageAloneDecides() {
        AnswerDecision lexical = new AnswerDecision(Confidence.coverageOnly(0.5, 0.9), 0);
        assertThat(lexical.decide(0, 0.6, 3, NO_TOPIC, false)).isEqualTo(Verdict.ANSWERED);
        assertThat(lexical.decide(0, 0.4, 3, NO_TOPIC, false)).isEqualTo(Verdict.NOT_CONFIDENT);
        assertThat(lexical.decide(0, 0.8, 1, NO_TOPIC, false)).isEqualTo(Verdict.NOT_CONFIDENT);
    }
}
