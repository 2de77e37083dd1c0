package org.sga.core.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;

/**
 * Stands in for Slack or Teams: keeps every notice posted to it, and can be told to fail or hang the first attempts
 * at each notice, as a platform having a bad minute would.
 */
public final class RecordingPlatform implements Notifier {

    /** A notice as the platform received it. */
    public record Posted(String key, OutboxRow row) {
        public String target() {
            return row.channelTarget();
        }

        public String text() {
            return row.payload();
        }
    }

    private final List<Posted> posted = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    /** Never opened: a hung call waits on it until the worker gives up and interrupts it. */
    private final CountDownLatch never = new CountDownLatch(1);
    private volatile int failFirst;
    private volatile int hangFirst;
    private volatile Duration postTime = Duration.ZERO;
    private volatile Consumer<OutboxMessage> onPost = m -> { };

    /** The first {@code attempts} calls for each notice throw, alternately a retryable refusal and a plain crash. */
    public RecordingPlatform failingFirst(int attempts) {
        this.failFirst = attempts;
        return this;
    }

    /** The first {@code attempts} calls for each notice hang until interrupted. */
    public RecordingPlatform hangingFirst(int attempts) {
        this.hangFirst = attempts;
        return this;
    }

    /** Each successful post takes this long, as a platform's round trip does. */
    public RecordingPlatform taking(Duration time) {
        this.postTime = time;
        return this;
    }

    /** Runs before each successful post, e.g. to look at the store as the platform is about to receive a notice. */
    public RecordingPlatform onPost(Consumer<OutboxMessage> check) {
        this.onPost = check;
        return this;
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        int call = calls.computeIfAbsent(message.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
        if (call <= hangFirst) {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw DeliveryException.retryable("hung");
        }
        if (call <= hangFirst + failFirst) {
            if (call % 2 == 0) {
                throw new IllegalStateException("platform crashed");
            }
            throw DeliveryException.retryable("service_unavailable");
        }
        if (!postTime.isZero()) {
            roundTrip();
        }
        onPost.accept(message);
        posted.add(new Posted(message.idempotencyKey(), message.row()));
        return new DeliveryReceipt("ts-" + message.id());
    }

    /** The platform's time to answer: simulated work, not a test waiting for something. */
    private void roundTrip() {
        try {
            Thread.sleep(postTime);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public List<Posted> posted() {
        return List.copyOf(posted);
    }

    public List<Posted> postedTo(String target) {
        return posted.stream().filter(p -> p.target().equals(target)).toList();
    }

    /** Keys posted more than once; empty when every notice arrived once. */
    public List<String> repeats() {
        Map<String, Integer> counts = new ConcurrentHashMap<>();
        posted.forEach(p -> counts.merge(p.key(), 1, Integer::sum));
        List<String> repeated = new ArrayList<>();
        counts.forEach((key, n) -> {
            if (n > 1) {
                repeated.add(key);
            }
        });
        return repeated;
    }

    public int calls(String key) {
        return calls.getOrDefault(key, new AtomicInteger()).get();
    }
}
