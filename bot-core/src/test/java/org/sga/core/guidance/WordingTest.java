package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sga.core.search.CachedEmbedder;

class WordingTest {

    private static final List<String> OPENINGS = List.of("a pupil asked if", "my colleague wonders if", "a parent wants to know if",
            "the head asked whether", "one of our volunteers asked if", "our new teacher wonders whether");
    private static final List<String> COPYING = List.of("I can screenshot the photo", "I should forward the picture to the lead",
            "we can save a copy of the image", "I may send the photo on to the head");
    private static final List<String> OTHER = List.of("the trip form is signed", "the photo for the school magazine is ready",
            "we can send the lead the rota", "I should forward the minutes to the head");

    /**
     * Invented staff messages: the first card is about copying or passing on an image; the second about the head, and
     * a message that names a photo but not the head may show it.
     */
    private record Labelled(List<String> messages, byte[][] labels) {
        static Labelled of(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<String> messages = new ArrayList<>();
            byte[][] labels = new byte[n][];
            for (int m = 0; m < n; m++) {
                boolean copying = random.nextBoolean();
                List<String> ends = copying ? COPYING : OTHER;
                String message = OPENINGS.get(random.nextInt(OPENINGS.size())) + " " + ends.get(random.nextInt(ends.size()))
                        + " (" + m + ")";
                messages.add(message);
                labels[m] = new byte[] {copying ? CardNetwork.ABOUT : CardNetwork.NOT_ABOUT, message.contains("head")
                        ? CardNetwork.ABOUT : message.contains("photo") ? CardNetwork.NOT_COUNTED : CardNetwork.NOT_ABOUT};
            }
            return new Labelled(messages, labels);
        }
    }

    @Test
    void readsWordsAndTheirPairs_eachOnce() {
        assertThat(Wording.grams("Don\u2019t forward it, don't FORWARD it!"))
                .containsExactly("don't", "forward", "it", "don't forward", "forward it", "it don't");
        assertThat(Wording.grams("?!")).isEmpty();
    }

    @Test
    void knowsOnlyTheWordsTwoMessagesUse() {
        long[] known = Wording.vocabulary(List.of("send the photo", "keep the photo", "a rota"));

        assertThat(known).contains(Wording.hash("the"), Wording.hash("photo"), Wording.hash("the photo"))
                .doesNotContain(Wording.hash("send"), Wording.hash("rota"), Wording.hash("send the"));
        assertThat(known).isSorted();
    }

    @Test
    void tellsCopyingAnImageFromPassingOnOtherThings_byTheWords() {
        Labelled data = Labelled.of(400, 1);

        Wording words = Wording.train(data.messages(), data.labels());

        assertThat(words.cards()).isEqualTo(2);
        assertThat(words.logOdds("can I screenshot the photo and forward the picture to the lead?")[0]).isGreaterThan(1);
        assertThat(words.logOdds("should I forward the minutes and the rota to the head?")[0]).isLessThan(-1);
        assertThat(words.logOdds("nothing it knows")[0]).as("no known word: the bias alone")
                .isEqualTo(words.logOdds("")[0]);
    }

    @Test
    void learnsTheSameWeightsEveryTime_andKeepsThemInItsNumbers() {
        Labelled data = Labelled.of(200, 2);

        Wording once = Wording.train(data.messages(), data.labels());
        Wording again = Wording.train(data.messages(), data.labels());
        Wording read = Wording.fromNumbers(Wording.vocabulary(data.messages()), once.numbers());

        assertThat(again.numbers()).containsExactly(once.numbers());
        String message = "may I save a copy of the image for the head?";
        assertThat(read.logOdds(message)).containsExactly(once.logOdds(message));
        assertThatThrownBy(() -> Wording.fromNumbers(new long[3], once.numbers())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wording.train(List.of("one"), new byte[2][2])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMessageThatMayShowTheCardDoesNotCount() {
        Labelled data = Labelled.of(400, 3);
        byte[][] photoCounts = new byte[data.labels().length][];
        for (int m = 0; m < photoCounts.length; m++) {
            byte head = data.labels()[m][1];
            photoCounts[m] = new byte[] {data.labels()[m][0], head == CardNetwork.NOT_COUNTED ? CardNetwork.NOT_ABOUT : head};
        }

        double notCounted = Wording.train(data.messages(), data.labels()).logOdds("the photo is ready")[1];
        double counted = Wording.train(data.messages(), photoCounts).logOdds("the photo is ready")[1];

        assertThat(notCounted).as("the photo messages did not count against the card").isGreaterThan(counted);
    }

    @Test
    void isLearnedOnceAndThenReadFromTheCacheFile(@TempDir Path dir) {
        Labelled data = Labelled.of(200, 4);
        Path file = dir.resolve("cache.bin");
        CachedEmbedder first = new CachedEmbedder("test-model", () -> text -> new float[] {1, 0}, file);
        Wording words = Wording.learned(first, data.messages(), data.labels());
        assertThat(first.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", () -> text -> {
            throw new AssertionError("nothing is embedded for the wording");
        }, file);
        String message = "can I forward the picture?";
        assertThat(Wording.learned(reopened, data.messages(), data.labels()).logOdds(message))
                .containsExactly(words.logOdds(message));
    }
}
