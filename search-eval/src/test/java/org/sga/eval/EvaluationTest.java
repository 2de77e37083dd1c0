package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void parsesAcceptedIdsAndOutOfScopeRows() {
        List<Evaluation.Case> cases = Evaluation.parse(List.of("question\texpected", "what is sexting?\tchild-abuse-and-ict#4.1, child-abuse-and-ict#4.2", "wifi\tNONE", ""));
        assertThat(cases).hasSize(2);
        assertThat(cases.get(0).accepted()).containsExactlyInAnyOrder("child-abuse-and-ict#4.1", "child-abuse-and-ict#4.2");
        assertThat(cases.get(1).outOfScope()).isTrue();
    }

    @Test
    void rankingAloneCountsAQuestionDeclinedWhoseSectionLedTheList() {
        // Declined for asking a detail the section does not give, though its section is ranked first.
        Evaluation.Report report = Evaluation.run(Shipped.HYBRID, Evaluation.parse(List.of(
                "how long must the copies of the images be stored before they can be destroyed\tchild-abuse-and-ict#7.1")));
        assertThat(report.falseAbstention()).isEqualTo(1.0);
        assertThat(report.top1()).isZero();
        assertThat(report.rankedTop1()).isEqualTo(1.0);
        assertThat(report.rankedTop3()).isEqualTo(1.0);
    }

    @Test
    void aLineWithoutATabIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> Evaluation.parse(List.of("question\texpected", "no tab here"))).hasMessageContaining("line 2");
    }

    @Test
    void figuresCountRanksAbstentionsAndMisses() {
        Evaluation.Report report = Evaluation.run(Shipped.HYBRID, Evaluation.parse(List.of(
                "what is sexting\tchild-abuse-and-ict#4.1",
                "what is sexting\tchild-abuse-and-ict#8",
                "how do I book annual leave\tNONE")));
        assertThat(report.inScope()).isEqualTo(2);
        assertThat(report.outOfScope()).isEqualTo(1);
        assertThat(report.top1()).isEqualTo(0.5);
        assertThat(report.rankedTop1()).isEqualTo(0.5);
        assertThat(report.rankedTop3()).isEqualTo(0.5);
        assertThat(report.abstention()).isEqualTo(1.0);
        assertThat(report.misses()).hasSize(1);
        assertThat(report.misses().get(0).testCase().accepted()).containsExactly("child-abuse-and-ict#8");
    }

    @Test
    void givenALabelOnALeadInOrTheSectionItIntroduces_thenEitherIdIsAccepted() {
        List<Evaluation.Case> cases = Evaluation.parse(List.of(
                "pics of a pupil are on a public site\tchild-abuse-and-ict#4.3",
                "who do we call when pics are online\tchild-abuse-and-ict#4.4",
                "what is sexting\tchild-abuse-and-ict#4.1",
                "wifi\tNONE"), Shipped.LIBRARY::shownWith);

        assertThat(cases).extracting(Evaluation.Case::accepted).containsExactly(
                java.util.Set.of("child-abuse-and-ict#4.3", "child-abuse-and-ict#4.4"),
                java.util.Set.of("child-abuse-and-ict#4.3", "child-abuse-and-ict#4.4"),
                java.util.Set.of("child-abuse-and-ict#4.1"),
                java.util.Set.of());
    }
}
