package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerPoolTest {

    @Test
    void givenTheQueueFull_thenOfferSaysNoAndQueuedWorkStillRuns() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch started = new CountDownLatch(1);
        List<String> ran = new CopyOnWriteArrayList<>();
        try (WorkerPool pool = new WorkerPool("test-worker", 1, 1)) {
            assertThat(pool.offer(() -> {
                started.countDown();
                await(release);
                ran.add("first " + Thread.currentThread().getName());
            })).isTrue();
            assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(pool.offer(() -> ran.add("second"))).isTrue();
            assertThat(pool.offer(() -> ran.add("third"))).isFalse();
            release.countDown();
        }
        assertThat(ran).containsExactly("first test-worker-1", "second");
    }

    @Test
    void givenClosed_thenOfferSaysNo() {
        WorkerPool pool = new WorkerPool("test-worker", 1, 1);
        pool.close();
        assertThat(pool.offer(() -> { })).isFalse();
    }

    @Test
    void givenNoThreads_thenRefused() {
        assertThatThrownBy(() -> new WorkerPool("test-worker", 0, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
