package org.sga.app.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;

/** A platform stand-in that counts every post by idempotency key, optionally taking its time. */
public class CountingNotifier implements Notifier {

    private final Map<String, AtomicInteger> posts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final Duration delay;

    public CountingNotifier() {
        this(Duration.ZERO);
    }

    public CountingNotifier(Duration delay) {
        this.delay = delay;
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        posts.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        return new DeliveryReceipt("ts-" + message.id());
    }

    public int total() {
        return total.get();
    }

    public int distinct() {
        return posts.size();
    }

    /** Keys posted more than once. */
    public Map<String, Integer> repeats() {
        Map<String, Integer> repeated = new ConcurrentHashMap<>();
        posts.forEach((key, count) -> {
            if (count.get() > 1) {
                repeated.put(key, count.get());
            }
        });
        return repeated;
    }

    /** Waits until {@code expected} posts were made, or the timeout passes; returns the count then. */
    public int awaitTotal(int expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        return total.get();
    }
}
