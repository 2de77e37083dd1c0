package org.sga.app.store;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
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
            roundTrip();
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

    /** Waits until {@code expected} posts were made, or fails when the timeout passes; returns the count then. */
    public int awaitTotal(int expected, Duration timeout) {
        Awaitility.await(expected + " posts").atMost(timeout).pollInterval(Duration.ofMillis(5))
                .until(() -> total.get() >= expected);
        return total.get();
    }

    /** The count stays at {@code expected} throughout {@code quiet}: nothing is posted twice, however late. */
    public void staysAt(int expected, Duration quiet) {
        Awaitility.await("no more than " + expected + " posts").during(quiet).atMost(quiet.plusSeconds(10))
                .pollInterval(Duration.ofMillis(5)).until(() -> total.get() == expected);
    }

    /** The platform's time to answer: simulated work, not a test waiting for something. */
    private void roundTrip() {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
