package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SharedPhrasingsTest {

    private static final String[] TEXTS = {
        "a man online asked her for photos",
        "someone she met in a game wants to meet her tonight",
        "what does the procedure say about record keeping",
        "who is the designated safeguarding lead",
        "can I forward the picture to my manager"};

    private static Phrasings embedded(int... which) {
        List<String> texts = java.util.Arrays.stream(which).mapToObj(i -> TEXTS[i]).toList();
        return Phrasings.of(texts).embedded(ShippedIndex.EMBEDDER);
    }

    @Test
    void givenSetsSharingPhrasings_thenEachSetsClosenessIsThatOfItsOwnPhrasings() {
        Phrasings onlineA = embedded(0, 1);
        Phrasings ordinary = embedded(2, 3);
        Phrasings overlapping = embedded(1, 4);
        SharedPhrasings shared = SharedPhrasings.of(List.of(List.of(onlineA), List.of(ordinary, overlapping), List.of()));
        float[] q = Phrasings.question(ShippedIndex.EMBEDDER, "a stranger on snapchat keeps asking a year 8 for pictures");

        double[] closeness = shared.closeness(q, 2, new boolean[] {true, true, true});

        assertThat(closeness[0]).isCloseTo(onlineA.closeness(q, 2), within(1e-5));
        List<String> union = new java.util.ArrayList<>(ordinary.texts());
        union.addAll(overlapping.texts());
        assertThat(closeness[1]).isCloseTo(Phrasings.of(union).embedded(ShippedIndex.EMBEDDER).closeness(q, 2), within(1e-5));
        assertThat(closeness[2]).as("an empty set").isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(closeness[0]).as("the message is about a man online asking for images").isGreaterThan(ordinary.closeness(q, 2));
    }

    @Test
    void givenASetNotAskedFor_thenItIsNotMeasured() {
        SharedPhrasings shared = SharedPhrasings.of(List.of(List.of(embedded(0)), List.of(embedded(2))));
        float[] q = Phrasings.question(ShippedIndex.EMBEDDER, "who do I tell");

        double[] closeness = shared.closeness(q, 3, new boolean[] {false, true});

        assertThat(closeness[0]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(closeness[1]).isCloseTo(embedded(2).closeness(q, 3), within(1e-5));
    }

    @Test
    void theClosenessOfEachSetIsThatOfItsPhrasingsFloats() {
        List<String> first = List.of("one", "two", "three", "four");
        List<String> second = List.of("three", "four", "five", "six", "seven");
        SharedPhrasings shared = SharedPhrasings.of(List.of(
                List.of(Phrasings.of(first).embedded(StandInModel.EMBEDDER)),
                List.of(Phrasings.of(second.subList(0, 2)).embedded(StandInModel.EMBEDDER),
                        Phrasings.of(second.subList(2, 5)).embedded(StandInModel.EMBEDDER))));
        Random random = new Random(6);
        for (int n = 0; n < 50; n++) {
            float[] question = StandInModel.unit(random, 384);

            SharedPhrasings.Compared compared = shared.compare(question, 2, new boolean[] {true, true});

            assertThat(compared.closeness()[0]).isCloseTo(floatCloseness(question, first, 2), within(1e-4));
            assertThat(compared.closeness()[1]).isCloseTo(floatCloseness(question, second, 2), within(1e-4));
            int[] members = shared.members(1);
            assertThat(members).as("\"three\" and \"four\" held once").hasSize(5).startsWith(2, 3);
            for (int i = 0; i < members.length; i++) {
                assertThat(compared.similarity()[members[i]])
                        .isCloseTo(Vectors.dot(question, StandInModel.EMBEDDER.embedContent(second.get(i))), within(1e-4));
            }
        }
    }

    private static double floatCloseness(float[] question, List<String> texts, int k) {
        return Vectors.closeness(question, texts.stream().map(StandInModel.EMBEDDER::embedContent).toArray(float[][]::new), k);
    }
}
