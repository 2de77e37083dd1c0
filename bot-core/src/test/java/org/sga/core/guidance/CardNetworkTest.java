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

class CardNetworkTest {

    /**
     * Points in four dimensions. The first card is about points whose first two numbers have the same sign: no straight
     * line tells them apart. The second is about points whose first number is positive, and does not count where the
     * third number is positive (a message that may show the card).
     */
    private record Labelled(List<float[]> vectors, byte[][] labels) {
        static Labelled of(int n, long seed) {
            SplittableRandom random = new SplittableRandom(seed);
            List<float[]> vectors = new ArrayList<>();
            byte[][] labels = new byte[n][];
            for (int m = 0; m < n; m++) {
                float[] v = new float[4];
                for (int i = 0; i < 4; i++) {
                    v[i] = (float) random.nextDouble(-1, 1);
                }
                vectors.add(v);
                byte sameSign = v[0] * v[1] > 0 ? CardNetwork.ABOUT : CardNetwork.NOT_ABOUT;
                byte positive = v[2] > 0 ? CardNetwork.NOT_COUNTED : v[0] > 0 ? CardNetwork.ABOUT : CardNetwork.NOT_ABOUT;
                labels[m] = new byte[] {sameSign, positive};
            }
            return new Labelled(vectors, labels);
        }
    }

    private static double agreement(CardNetwork network, Labelled data, int card) {
        int right = 0;
        int counted = 0;
        for (int m = 0; m < data.labels().length; m++) {
            byte label = data.labels()[m][card];
            if (label == CardNetwork.NOT_COUNTED) {
                continue;
            }
            counted++;
            right += (network.logOdds(data.vectors().get(m))[card] > 0) == (label == CardNetwork.ABOUT) ? 1 : 0;
        }
        return (double) right / counted;
    }

    @Test
    void learnsACardNoStraightLineTellsApart_andEachCardOnItsOwn() {
        Labelled learned = Labelled.of(2000, 1);
        Labelled unseen = Labelled.of(1000, 2);

        CardNetwork network = CardNetwork.train(learned.vectors(), learned.labels());

        assertThat(network.cards()).isEqualTo(2);
        assertThat(agreement(network, unseen, 0)).as("same sign, on points it did not learn from").isGreaterThan(0.9);
        assertThat(agreement(network, unseen, 1)).isGreaterThan(0.9);
    }

    @Test
    void learnsTheSameNetworkEveryTime_andKeepsItInItsNumbers() {
        Labelled learned = Labelled.of(600, 3);

        CardNetwork once = CardNetwork.train(learned.vectors(), learned.labels());
        CardNetwork again = CardNetwork.train(learned.vectors(), learned.labels());
        CardNetwork read = CardNetwork.fromNumbers(once.numbers());

        assertThat(again.numbers()).containsExactly(once.numbers());
        float[] point = {0.4f, -0.3f, 0.2f, 0.9f};
        assertThat(read.logOdds(point)).containsExactly(once.logOdds(point));
        assertThatThrownBy(() -> CardNetwork.fromNumbers(java.util.Arrays.copyOf(once.numbers(), 40)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> once.logOdds(new float[3])).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void isLearnedOnceAndThenReadFromTheCacheFile(@TempDir Path dir) {
        Labelled learned = Labelled.of(300, 4);
        List<String> messages = new ArrayList<>();
        for (int m = 0; m < learned.labels().length; m++) {
            messages.add("message " + m);
        }
        Path file = dir.resolve("cache.bin");
        CachedEmbedder first = new CachedEmbedder("test-model", () -> text -> new float[] {1, 0}, file);
        CardNetwork network = CardNetwork.learned(first, messages, learned.labels(), learned::vectors);
        assertThat(first.save()).isTrue();

        CachedEmbedder reopened = new CachedEmbedder("test-model", () -> text -> new float[] {1, 0}, file);
        CardNetwork read = CardNetwork.learned(reopened, messages, learned.labels(), () -> {
            throw new AssertionError("learned again although the file has it");
        });
        float[] point = {-0.5f, -0.5f, 0.1f, 0.1f};
        assertThat(read.logOdds(point)).containsExactly(network.logOdds(point));

        byte[][] relabelled = learned.labels().clone();
        relabelled[0] = new byte[] {CardNetwork.NOT_COUNTED, CardNetwork.NOT_COUNTED};
        List<Boolean> learnedAgain = new ArrayList<>();
        CardNetwork.learned(reopened, messages, relabelled, () -> {
            learnedAgain.add(true);
            return learned.vectors();
        });
        assertThat(learnedAgain).as("a changed label learns anew").containsExactly(true);
    }
}
