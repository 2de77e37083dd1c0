package org.sga.core.escalation;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.sga.core.values.Check;

/**
 * Delivers due outbox rows through a notifier: claims a batch under a lease, posts each within a time
 * limit, and records delivery, or failure with the next attempt after a backoff. Delivery is at least
 * once: a worker that dies mid-batch leaves its rows to be taken over when the lease expires.
 */
public final class OutboxWorker extends PollingWorker {

    private static final System.Logger LOG = System.getLogger(OutboxWorker.class.getName());

    private final Outbox outbox;
    private final Notifier notifier;
    private final Clock clock;
    private final Settings settings;
    private final ThreadPoolExecutor deliveries;
    private final DeliveryListener listener;
    private final EscalationEvents events;

    public OutboxWorker(Outbox outbox, Notifier notifier, Clock clock, Settings settings) {
        this(outbox, notifier, clock, settings, DeliveryListener.NONE);
    }

    /** With a listener told of notices delivered, failed (first failure) or given up. */
    public OutboxWorker(Outbox outbox, Notifier notifier, Clock clock, Settings settings, DeliveryListener listener) {
        this(outbox, notifier, clock, settings, listener, EscalationEvents.NONE);
    }

    /** With {@code events} told of every delivery and every failed attempt (for metrics). */
    public OutboxWorker(Outbox outbox, Notifier notifier, Clock clock, Settings settings, DeliveryListener listener,
            EscalationEvents events) {
        super("outbox-worker-" + Objects.requireNonNull(settings, "settings").workerId(), settings.pollInterval(),
                settings.deliveryTimeout().plusSeconds(5));
        this.events = Objects.requireNonNull(events, "events");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.notifier = Objects.requireNonNull(notifier, "notifier");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        // Bounded and without a queue: a notifier that hangs and ignores interrupts holds at most this many
        // threads, after which deliveries fail fast as retryable instead of piling up.
        this.deliveries = new ThreadPoolExecutor(0, settings.deliveryThreads(), 60, TimeUnit.SECONDS,
                new SynchronousQueue<>(), daemonThreads("outbox-delivery-" + settings.workerId()));
    }

    /** How a worker claims, waits and retries. {@code lease} must outlast {@code deliveryTimeout}. */
    public record Settings(
            String workerId,
            Duration lease,
            Duration deliveryTimeout,
            int batchSize,
            Duration pollInterval,
            Backoff backoff,
            int maxAttempts,
            int deliveryThreads) {

        public Settings {
            Check.text(workerId, "workerId", 128);
            Check.positive(lease, "lease");
            Check.positive(deliveryTimeout, "deliveryTimeout");
            Check.positive(pollInterval, "pollInterval");
            Objects.requireNonNull(backoff, "backoff");
            if (lease.compareTo(deliveryTimeout) <= 0) {
                throw new IllegalArgumentException("lease must be longer than deliveryTimeout");
            }
            if (batchSize < 1 || maxAttempts < 1 || deliveryThreads < 1) {
                throw new IllegalArgumentException("batchSize, maxAttempts and deliveryThreads must be at least 1");
            }
        }

        /**
         * A one-minute lease, ten seconds per delivery, batches of 20, polling twice a second, and retries
         * without limit: an escalation that cannot be posted yet must not be dropped, only shown as late.
         */
        public static Settings defaults(String workerId) {
            return new Settings(workerId, Duration.ofMinutes(1), Duration.ofSeconds(10), 20,
                    Duration.ofMillis(500), Backoff.DEFAULT, Integer.MAX_VALUE, 4);
        }

        public Settings withLease(Duration newLease, Duration newDeliveryTimeout) {
            return new Settings(workerId, newLease, newDeliveryTimeout, batchSize, pollInterval, backoff,
                    maxAttempts, deliveryThreads);
        }

        public Settings withBatch(int newBatchSize, Duration newPollInterval) {
            return new Settings(workerId, lease, deliveryTimeout, newBatchSize, newPollInterval, backoff,
                    maxAttempts, deliveryThreads);
        }

        public Settings withRetries(Backoff newBackoff, int newMaxAttempts) {
            return new Settings(workerId, lease, deliveryTimeout, batchSize, pollInterval, newBackoff,
                    newMaxAttempts, deliveryThreads);
        }
    }

    /** What one pass over the outbox did. */
    public record RunResult(int claimed, int delivered, int retrying, int dead, int released) {
    }

    /** Claims one batch and delivers it; for tests and for callers that bring their own scheduling. */
    public RunResult runOnce() {
        List<OutboxMessage> claimed =
                outbox.claim(settings.workerId(), clock.instant(), settings.lease(), settings.batchSize());
        int delivered = 0;
        int retrying = 0;
        int dead = 0;
        int released = 0;
        for (OutboxMessage message : claimed) {
            if (stopping() || Thread.currentThread().isInterrupted() || !timeLeftToDeliver(message)) {
                // Handing the row back now lets another worker take it without waiting for the lease.
                outbox.release(message.id(), settings.workerId());
                released++;
                continue;
            }
            switch (deliver(message)) {
                case DELIVERED -> delivered++;
                case RETRYING -> retrying++;
                case DEAD -> dead++;
                case RELEASED -> released++;
            }
        }
        return new RunResult(claimed.size(), delivered, retrying, dead, released);
    }

    @Override
    boolean passFoundFullBatch() {
        return runOnce().claimed() >= settings.batchSize();
    }

    /**
     * Looks for due rows now rather than at the end of the poll interval: call it after committing rows due at once,
     * so the notice goes out in milliseconds. Harmless when the worker is not running.
     */
    public void wake() {
        wakeLoop();
    }

    /** Stops polling and the delivery threads. */
    @Override
    public void close() {
        super.close();
        deliveries.shutdownNow();
    }

    private boolean timeLeftToDeliver(OutboxMessage message) {
        return !clock.instant().plus(settings.deliveryTimeout()).isAfter(message.leaseUntil());
    }

    private enum Outcome { DELIVERED, RETRYING, DEAD, RELEASED }

    private Outcome deliver(OutboxMessage message) {
        Future<DeliveryReceipt> posting;
        try {
            posting = deliveries.submit(() -> notifier.deliver(message));
        } catch (RejectedExecutionException e) {
            return failed(message, DeliveryException.retryable("notifier_busy"));
        }
        try {
            DeliveryReceipt receipt = posting.get(settings.deliveryTimeout().toMillis(), TimeUnit.MILLISECONDS);
            if (receipt == null) {
                return failed(message, DeliveryException.retryable("notifier_no_receipt"));
            }
            Instant at = clock.instant();
            if (!outbox.markDelivered(message.id(), settings.workerId(), receipt.platformMessageId(), at)) {
                LOG.log(Level.DEBUG, "{0} was already marked delivered", message.idempotencyKey());
            } else {
                events.delivered(message.row(), at);
                try {
                    listener.delivered(message.row());
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "{0}: delivery listener failed with {1}", message.idempotencyKey(),
                            e.getClass().getName());
                }
            }
            return Outcome.DELIVERED;
        } catch (TimeoutException e) {
            posting.cancel(true);
            return failed(message, DeliveryException.retryable("timeout"));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            DeliveryException failure = cause instanceof DeliveryException known
                    ? known
                    : DeliveryException.retryable("notifier_" + cause.getClass().getSimpleName());
            return failed(message, failure);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            posting.cancel(true);
            // It may or may not have been posted; releasing risks a repeat, which the idempotency key covers.
            outbox.release(message.id(), settings.workerId());
            return Outcome.RELEASED;
        }
    }

    private Outcome failed(OutboxMessage message, DeliveryException failure) {
        Instant now = clock.instant();
        if (!failure.retryable() || message.attempt() >= settings.maxAttempts()) {
            outbox.markDead(message.id(), settings.workerId(), failure.code(), now);
            events.deliveryFailed(message.row(), failure.code(), true);
            LOG.log(Level.WARNING, "{0} not delivered and not retried: {1} on attempt {2}",
                    message.idempotencyKey(), failure.code(), message.attempt());
            tell(message.row(), failure.code(), true);
            return Outcome.DEAD;
        }
        Duration wait = settings.backoff().delay(message.attempt(), ThreadLocalRandom.current().nextDouble());
        Duration asked = failure.retryAfter().orElse(Duration.ZERO);
        if (asked.compareTo(wait) > 0) {
            wait = asked;
        }
        outbox.markFailed(message.id(), settings.workerId(), failure.code(), now.plus(wait));
        events.deliveryFailed(message.row(), failure.code(), false);
        LOG.log(Level.INFO, "{0} delivery attempt {1} failed: {2}; next attempt in {3}",
                message.idempotencyKey(), message.attempt(), failure.code(), wait);
        if (message.attempt() == 1) {
            tell(message.row(), failure.code(), false);
        }
        return Outcome.RETRYING;
    }

    private void tell(OutboxRow row, String code, boolean givenUp) {
        try {
            listener.notDelivered(row, code, givenUp);
        } catch (RuntimeException e) {
            // The delivery's own state is already recorded; a failing listener must not undo or repeat it.
            LOG.log(Level.WARNING, "{0}: delivery listener failed with {1}", row.idempotencyKey(), e.getClass().getName());
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> Thread.ofPlatform().name(prefix + "-" + count.incrementAndGet()).daemon().unstarted(task);
    }
}
