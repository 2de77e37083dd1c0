package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;

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

class TuneCardsCommandTest {

    private static final double NONE = Double.NEGATIVE_INFINITY;

    @TempDir
    Path dir;

    private static GuidanceCard card(String id) {
        return new GuidanceCard(id, "A card", "Do this first.", "Then this.", "Never that.", List.of("child-abuse-and-ict#4.4"),
                List.of(), List.of(), "", "");
    }

    private static CardReading read(String id, double likelihood, double nearest) {
        return new CardReading(card(id), false, false, true, likelihood, NONE, nearest, Double.NaN);
    }

    @Test
    void givenReadings_thenItCountsMissedAndSpuriousCardsAndChoosesEachCardsNearestMargin() {
        List<SafetySets.Case> cases = new ArrayList<>();
        List<List<CardReading>> readings = new ArrayList<>();
        // Likely about A: shown.
        cases.add(new SafetySets.Case("one", null, Set.of("CARD_A"), Set.of()));
        readings.add(List.of(read("CARD_A", 0.6, NONE), read("CARD_B", 0.1, NONE)));
        // About A, unlikely by the classifier, near A's labelled messages: missed unless card-nearest is below 0.01.
        cases.add(new SafetySets.Case("two", null, Set.of("CARD_A"), Set.of()));
        readings.add(List.of(read("CARD_A", 0.2, 0.01), read("CARD_B", 0.1, NONE)));
        // About nothing, a little nearer A's: spurious once card-nearest is below 0.005.
        cases.add(new SafetySets.Case("three", null, Set.of(), Set.of()));
        readings.add(List.of(read("CARD_A", 0.1, 0.005), read("CARD_B", 0.1, NONE)));
        // Asks what a word means: no readings, so B is missed whatever the margins.
        cases.add(new SafetySets.Case("four", null, Set.of("CARD_B"), Set.of()));
        readings.add(List.of());
        MeaningMargins margins = new MeaningMargins(3, -0.03, 0.35, 0.03, 0.5, 0.9, 0.03, 0, 0.01, Map.of());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TuneCardsCommand.report(cases, readings, List.of("CARD_A", "CARD_B"), margins, 2, 2,
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("4 cases of 2 sets, each of 2 parts of the sets left out")
                .containsPattern("CARD_A +0.5 / 0.9 / 0.5 / none / none +1 +0")
                .containsPattern("CARD_B +0.5 / 0.9 / 0.5 / none / none +1 +0")
                .contains("all cards: 2 missed (in 2 cases), 0 cases with a spurious card")
                // -0.01 and -0.005 add as many spurious cases as they save missed cards; 0 adds one for one too.
                .containsPattern("CARD_A +1/0 +0/1 +0/1 +0/1 +0/0 +1/0 .* -0.01")
                .containsPattern("CARD_B +1/0( +1/0){9} +none")
                .contains("all cards with each chosen card-nearest: 1 missed (in 1 cases), 1 cases with a spurious card")
                // No reading is far from its card, so no card-far is chosen.
                .containsPattern("CARD_A +1/0( +1/0){10} +none")
                .contains("all cards with each chosen card-far: 2 missed (in 2 cases), 0 cases with a spurious card");
    }

    @Test
    void givenAShippedNearestMargin_thenASmallerOneIsChosenWhenItCostsAtMostThreeSpuriousCasesForEachMissedCardSaved() {
        List<SafetySets.Case> cases = new ArrayList<>();
        List<List<CardReading>> readings = new ArrayList<>();
        // About A, near A's labelled messages: missed at the shipped 0.02, shown below 0.01.
        cases.add(new SafetySets.Case("one", null, Set.of("CARD_A"), Set.of()));
        readings.add(List.of(read("CARD_A", 0.2, 0.01)));
        // About nothing, a little nearer A's and more likely about it than the first: both spurious below 0.005, or at a
        // likelihood low enough to show the first.
        for (String q : List.of("two", "three")) {
            cases.add(new SafetySets.Case(q, null, Set.of(), Set.of()));
            readings.add(List.of(read("CARD_A", 0.3, 0.005)));
        }
        MeaningMargins margins = new MeaningMargins(3, -0.03, 0.35, 0.03, 0.5, 0.9, 0.03, 0, 0.01,
                Map.of("CARD_A", new MeaningMargins.CardMargins(0.5, 0.9, 0.5, 0.02, Double.POSITIVE_INFINITY, 1)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        TuneCardsCommand.report(cases, readings, List.of("CARD_A"), margins, 2, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8));

        String out = bytes.toString(StandardCharsets.UTF_8);
        // -0.01 saves the missed card for two spurious cases: within three for one, so it is chosen, though it adds
        // more spurious cases than it saves missed cards.
        assertThat(out).contains("at most 3 spurious cases for each missed card it saves, against the shipped one")
                .containsPattern("CARD_A +1/0 +0/2 +0/2 +0/2 +0/0 +1/0 .* -0.01")
                .contains("all cards with each chosen card-nearest: 0 missed (in 0 cases), 2 cases with a spurious card")
                // A likelihood low enough to show A for the missed case shows it for the two others too: two for one,
                // within decision 57's weighing, while without it no spurious case more is allowed.
                .containsPattern("as shipped\\RCARD_A .* +1 -> 1 +0 -> 0")
                .containsPattern("decision 57's weighing.*\\RCARD_A .* +1 -> 0 +0 -> 2")
                .contains("all cards with each likelihood chosen by decision 57's weighing: 0 missed (in 0 cases), 2 cases");
    }

    @Test
    void badArgumentsAndFilesAreNamedBeforeAnythingIsLearned() throws Exception {
        assertThat(EvalToolsTest.run("tune-cards").err()).contains("usage: tune-cards");
        Path one = dir.resolve("one.jsonl");
        Files.writeString(one, "{\"q\": \"a man online asked her for photos\", \"guidance\": [\"ADULT_SOLICITING\"]}\n");
        Path two = dir.resolve("two.jsonl");
        Files.writeString(two, "{\"q\": \"what is grooming\", \"guidance\": []}\nnot json\n");
        Path noQ = dir.resolve("noq.jsonl");
        Files.writeString(noQ, "{\"message\": \"what is grooming\", \"guidance\": []}\n");

        EvalToolsTest.Run tooMany = EvalToolsTest.run("tune-cards", "--parts", "3", one.toString(), two.toString());
        assertThat(tooMany.code()).isEqualTo(2);
        assertThat(tooMany.err()).contains("--parts must lie between 2 and 20 and not exceed the number of sets (2)");
        assertThat(EvalToolsTest.run("tune-cards", "--parts", "x", one.toString()).err()).contains("'x' is not a whole number");
        assertThat(EvalToolsTest.run("tune-cards", "--parts", "2", one.toString(), dir.resolve("gone.jsonl").toString()).err())
                .contains("no such file: " + dir.resolve("gone.jsonl"));
        assertThat(EvalToolsTest.run("tune-cards", "--parts", "2", one.toString(), two.toString()).err())
                .contains(two + ":2: not JSON");
        assertThat(EvalToolsTest.run("tune-cards", "--parts", "2", one.toString(), noQ.toString()).err())
                .contains(noQ + ":1: needs \"q\" and \"guidance\"");
    }
}
