package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
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
}
