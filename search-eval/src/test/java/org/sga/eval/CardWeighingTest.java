package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.core.guidance.CardReading;
import org.sga.core.guidance.GuidanceCard;
import org.sga.core.guidance.MeaningMargins;

class CardWeighingTest {

    private static final double NONE = Double.NEGATIVE_INFINITY;
    private static final GuidanceCard CARD = new GuidanceCard("CARD_A", "A card", "Do this first.", "Then this.", "Never that.",
            List.of("child-abuse-and-ict#4.4"), List.of(), List.of(), "", "");

    private static CardWeighing.Row row(double likelihood, boolean needed) {
        return new CardWeighing.Row(new CardReading(CARD, false, false, true, likelihood, NONE, NONE, Double.NaN), needed, false);
    }

    private static long shown(List<CardWeighing.Row> rows, MeaningMargins.CardWeights w, boolean needed) {
        MeaningMargins.CardMargins m = new MeaningMargins.CardMargins(0.5, 0.9, 0.5, Double.POSITIVE_INFINITY,
                Double.POSITIVE_INFINITY, w, 1);
        return rows.stream().filter(r -> r.needed() == needed && r.reading().applies(m)).count();
    }

    @Test
    void theBiasLetsThroughAsManySpuriousCasesAsAllowed_andNoMore_missingAsFewAsThatAllows() {
        // Needed at 0.9, 0.8 and 0.6; not needed at 0.7, 0.3 and 0.2: ordered by likelihood, one not needed sits among them.
        List<CardWeighing.Row> rows = List.of(row(0.9, true), row(0.8, true), row(0.6, true), row(0.7, false), row(0.3, false),
                row(0.2, false));

        MeaningMargins.CardWeights none = CardWeighing.learn(rows, 0);
        assertThat(none.likelihood()).as("more likely, more often needed").isPositive();
        assertThat(shown(rows, none, false)).isZero();
        assertThat(shown(rows, none, true)).as("0.6 is below the spurious 0.7").isEqualTo(2);

        MeaningMargins.CardWeights one = CardWeighing.learn(rows, 1);
        assertThat(shown(rows, one, false)).isEqualTo(1);
        assertThat(shown(rows, one, true)).isEqualTo(3);

        MeaningMargins.CardWeights all = CardWeighing.learn(rows, 10);
        assertThat(shown(rows, all, true)).isEqualTo(3);
    }

    @Test
    void aPatternsSpuriousCasesCountAgainstWhatIsAllowed() {
        List<CardWeighing.Row> rows = new ArrayList<>(List.of(row(0.9, true), row(0.6, true), row(0.7, false), row(0.2, false)));
        rows.add(new CardWeighing.Row(new CardReading(CARD, true, false, true, 0.1, NONE, NONE, Double.NaN), false, false));

        MeaningMargins.CardWeights w = CardWeighing.learn(rows, 1);

        assertThat(shown(rows, w, false)).as("the pattern's own, and none by meaning").isEqualTo(1);
        assertThat(shown(rows, w, true)).isEqualTo(1);
    }

    @Test
    void casesThatOnlyAllowTheCardDoNotShapeTheRegression_unlessAskedToBeReadAsNotNeedingIt() {
        List<CardWeighing.Row> rows = new ArrayList<>(List.of(row(0.9, true), row(0.8, true), row(0.6, true), row(0.7, false),
                row(0.3, false), row(0.2, false)));
        MeaningMargins.CardWeights without = CardWeighing.learn(rows, 1);
        for (double likelihood : new double[] {0.95, 0.85, 0.75}) {
            rows.add(new CardWeighing.Row(new CardReading(CARD, false, false, true, likelihood, NONE, NONE, Double.NaN),
                    false, true));
        }

        MeaningMargins.CardWeights leftOut = CardWeighing.learn(rows, 1);
        MeaningMargins.CardWeights asUnneeded = CardWeighing.learn(rows, 1, Weighing.Neutral.AS_UNWANTED);

        assertThat(leftOut.values()).containsExactly(without.values());
        assertThat(asUnneeded.likelihood()).as("likely cases read as not needing it pull the weight down")
                .isLessThan(without.likelihood());
    }

    @Test
    void solvesALinearSystem() {
        double[] x = Weighing.solve(new double[][] {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}}, new double[] {7, 3, 6});
        assertThat(x[0]).isCloseTo(1, within(1e-12));
        assertThat(x[1]).isCloseTo(2, within(1e-12));
        assertThat(x[2]).isCloseTo(3, within(1e-12));
    }

    @Test
    void theReportGivesEachCardsFiguresAndItsWeightsForTheFile() {
        List<SafetySets.Case> cases = new ArrayList<>();
        List<List<CardReading>> readings = new ArrayList<>();
        List<Integer> parts = new ArrayList<>();
        double[] needed = {0.9, 0.8, 0.45, 0.85, 0.7, 0.4};
        double[] notNeeded = {0.3, 0.2, 0.1, 0.35, 0.15, 0.05};
        for (int i = 0; i < needed.length; i++) {
            cases.add(new SafetySets.Case("needed " + i, null, Set.of("CARD_A"), Set.of()));
            readings.add(List.of(new CardReading(CARD, false, false, true, needed[i], NONE, NONE, Double.NaN)));
            parts.add(i % 2);
            cases.add(new SafetySets.Case("not needed " + i, null, Set.of(), Set.of()));
            readings.add(List.of(new CardReading(CARD, false, false, true, notNeeded[i], NONE, NONE, Double.NaN)));
            parts.add(i % 2);
        }
        cases.add(new SafetySets.Case("what is it?", null, Set.of("CARD_A"), Set.of()));
        readings.add(List.of());
        parts.add(0);
        MeaningMargins margins = new MeaningMargins(3, -0.03, 0.35, 0.03, 0.5, 0.9, 0.03, 0, 0.01, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        WeighCardsCommand.report(new TuneCardsCommand.Read(cases, readings, parts, List.of("CARD_A"), margins), 2, 2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // Shipped, 0.45 and 0.4 are missed (below 0.5), and the question that only asks; weighed, no spurious case is
        // allowed either, and every needed case is above every case that is not.
        assertThat(out).contains("13 cases of 2 sets, each of 2 parts")
                .containsPattern("CARD_A +3 / 0 +1 / 0 +\\d+ / \\d+ +\\d+ / \\d+")
                .contains("the same, with the cases that only allow a card learned as not needing it: ")
                .contains("shipped:                3 (3) / 0")
                .contains("weighed:                1 (1) / 0")
                .containsPattern("CARD_A:\\R        card-weights:\\R          likelihood: [0-9.]+\\R          sentence: ")
                .as("every weight, the network's and the bias last")
                .containsPattern("\\R          network: -?[0-9.]+\\R          network-sentence: -?[0-9.]+\\R          nearest-sentence: -?[0-9.]+\\R          second-view: -?[0-9.]+\\R          third-view: -?[0-9.]+\\R          wording: -?[0-9.]+\\R          bias: -?[0-9.]+\\R");
    }

    @TempDir
    Path dir;

    @Test
    void theReadingsAreWrittenOneCaseALine_withoutTheMessages() throws Exception {
        List<SafetySets.Case> cases = List.of(new SafetySets.Case("a man online asked her for photos", true,
                Set.of("CARD_A"), Set.of()), new SafetySets.Case("what is grooming?", false, Set.of(), Set.of("CARD_A")));
        List<List<CardReading>> readings = List.of(List.of(new CardReading(CARD, true, false, true, 0.5, NONE, 0.02, 1.5)),
                List.of());
        Path file = dir.resolve("readings.tsv");

        WeighCardsCommand.writeReadings(new TuneCardsCommand.Read(cases, readings, List.of(1, 0), List.of("CARD_A"),
                new MeaningMargins(3, -0.03, 0.35, 0.03, 0.5, 0.9, 0.03, 0, 0.01, Map.of())), file);

        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("CARD_A");
        // The part, the needed and allowed cards, then matched, brought and the eleven features of CardReading#features:
        // the log-odds of 0.5, a sentence as unlikely as can be, the nearest difference in tenths, the words, the
        // log-odds again with them, the network, the message's one sentence read as the whole, no second or third
        // view and no wording.
        String[] first = lines.get(1).split("\t");
        assertThat(first).hasSize(4);
        assertThat(first[0]).isEqualTo("1");
        assertThat(first[1]).isEqualTo("CARD_A");
        assertThat(first[2]).isEmpty();
        double[] read = java.util.Arrays.stream(first[3].split(",")).mapToDouble(Double::parseDouble).toArray();
        assertThat(read).hasSize(13);
        assertThat(read[0]).isEqualTo(1);
        assertThat(read[1]).isZero();
        assertThat(read[2]).isCloseTo(0, within(1e-12));
        assertThat(read[4]).isCloseTo(0.2, within(1e-12));
        assertThat(read[5]).isEqualTo(1);
        assertThat(read[7]).isEqualTo(1.5);
        assertThat(read[10]).as("no second view").isZero();
        assertThat(read[11]).as("no third view").isZero();
        assertThat(read[12]).as("no wording").isZero();
        assertThat(lines.get(2)).as("a case with no readings has its labels only").isEqualTo("0\t\tCARD_A");
        assertThat(String.join("\n", lines)).doesNotContain("photos").doesNotContain("grooming");
    }

    @Test
    void aReadingsFileWithoutANameOrAFolderIsRefusedBeforeAnythingIsLearned() {
        assertThat(EvalToolsTest.run("weigh-cards", "--readings").err()).contains("usage: weigh-cards");
        assertThat(EvalToolsTest.run("weigh-cards", "--readings", dir.resolve("nowhere/readings.tsv").toString(), "set.jsonl")
                .err()).contains("--readings: no such folder");
    }
}
