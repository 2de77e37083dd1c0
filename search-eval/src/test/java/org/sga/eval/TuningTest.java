package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.core.search.HybridWeights;
import org.sga.core.search.SectionIndex;

/** Tuning decides every setting from each question's signals; what it reports must be what the search then does. */
class TuningTest {

    // Invented questions, labelled from the procedure's headings; a few out of scope.
    private static final List<Evaluation.Case> CASES = Evaluation.parse(List.of(
            "a pupil's nudes are being shared round year 9, what now\tchild-abuse-and-ict#4.1,child-abuse-and-ict#4.2,child-abuse-and-ict#4.3",
            "someone online is grooming a child in my class\tchild-abuse-and-ict#1.2,child-abuse-and-ict#1.3,child-abuse-and-ict#3.1",
            "a colleague has indecent images of children on his laptop\tchild-abuse-and-ict#6.1,child-abuse-and-ict#5.1",
            "where should seized phones and copies of the images be kept\tchild-abuse-and-ict#7.1,child-abuse-and-ict#7.2",
            "a girl is being blackmailed to send more pictures\tchild-abuse-and-ict#4.3,child-abuse-and-ict#3.1,child-abuse-and-ict#1.3",
            "how do I book annual leave\tNONE",
            "the staffroom wifi password please\tNONE",
            "when are timesheets due this month\tNONE",
            // On topic (storage of material) but asking for a time the procedure does not give: DetailAsked declines it.
            "how long must copies of the images be stored before they are destroyed\tNONE"));

    private static final Tuning.Grid SMALL = new Tuning.Grid(new double[] {0, 0.08, 0.2}, new double[] {-0.05, -0.03, 0},
            new double[] {0, 0.1}, new double[] {0.85, 0.9, 2}, new double[] {0.5, 0.7}, new double[] {0.2, 0.4},
            new double[] {0.5, 0.9});

    @Test
    void theFiguresOfTheChosenSettingAreWhatTheSearchDoesWithIt() {
        SectionIndex any = Shipped.HYBRID;
        List<Integer> progress = new ArrayList<>();
        Tuning.Result result = Tuning.run(any, CASES, SMALL, 0.05, 3, progress::add);

        assertThat(result.tried()).isEqualTo(3L * 3 * 2 * 3 * 2 * 2 * 2);
        assertThat(result.best()).hasSize(3);
        assertThat(result.best()).isSortedAccordingTo((a, b) -> Double.compare(b.smoothed(), a.smoothed()));
        // Each question searched once, then one report per BM25 weight.
        assertThat(progress).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);

        for (Tuning.Candidate candidate : result.best()) {
            SectionIndex tuned = Shipped.index(candidate.weights());
            Evaluation.Report report = Evaluation.run(tuned, CASES);
            Tuning.Figures f = candidate.figures();
            assertThat(f.inScope()).isEqualTo(report.inScope()).isEqualTo(5);
            assertThat(f.outOfScope()).isEqualTo(report.outOfScope()).isEqualTo(4);
            assertThat((double) f.top1() / f.inScope()).isEqualTo(report.top1());
            assertThat((double) f.top3() / f.inScope()).isEqualTo(report.top3());
            assertThat((double) f.declined() / f.outOfScope()).isEqualTo(report.abstention());
            assertThat(f.falseAbstention()).isEqualTo(report.falseAbstention()).isZero();
        }
    }

    @Test
    void noSettingIsOfferedThatDeclinesMoreInScopeQuestionsThanAllowed() {
        SectionIndex any = Shipped.HYBRID;
        // A grid whose every setting declines everything: strong and minimum similarity above any cosine.
        Tuning.Grid strict = new Tuning.Grid(new double[] {0.08}, new double[] {-0.03}, new double[] {0}, new double[] {1.5},
                new double[] {1.5}, new double[] {0.2}, new double[] {0.5});
        assertThat(Tuning.run(any, CASES, strict, 0.05, 3, n -> { }).best()).isEmpty();
        assertThat(Tuning.run(any, CASES, strict, 1.0, 3, n -> { }).best()).singleElement()
                .satisfies(c -> assertThat(c.figures().falselyDeclined()).isEqualTo(5))
                .satisfies(c -> assertThat(c.figures().declined()).isEqualTo(4));
    }

    @Test
    void theStandardGridSpansTheShippedSettingsOfEveryModel() {
        Tuning.Grid grid = Tuning.Grid.standard();
        for (HybridWeights w : org.sga.app.content.Content.searchTuning().models().values()) {
            assertThat(w.lexicalWeight()).isBetween(grid.lexicalWeight()[0], last(grid.lexicalWeight()));
            assertThat(w.notCoveredMargin()).isBetween(grid.margin()[0], last(grid.margin()));
            assertThat(w.confidence().strongSimilarity()).isBetween(grid.strong()[0], last(grid.strong()));
            assertThat(w.confidence().minSimilarity()).isBetween(grid.minSimilarity()[0], last(grid.minSimilarity()));
        }
        assertThat(last(grid.strong())).as("strong similarity may be 'never'").isGreaterThan(1);
    }

    private static double last(double[] values) {
        return values[values.length - 1];
    }
}
