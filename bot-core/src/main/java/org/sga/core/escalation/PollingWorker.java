package org.sga.core.escalation;

import java.time.Duration;

/**
 * A background worker that runs its pass on a thread of its own, again and again until stopped: the outbox worker
 * and the re-escalator, which differ only in their pass. The host starts it once the application is up and closes it
 * on shutdown.
 */
public abstract sealed class PollingWorker implements AutoCloseable permits OutboxWorker, ReEscalator {

    private final PollingLoop loop;

    /**
     * @param name       the thread's name, also used in the log
     * @param stopWithin how long {@link #stop()} waits for a pass under way before interrupting it
     */
    PollingWorker(String name, Duration pollInterval, Duration stopWithin) {
        this.loop = new PollingLoop(name, pollInterval, stopWithin, this::passFoundFullBatch);
    }

    /** One pass; true when it found a full batch, so the next pass should start at once. */
    abstract boolean passFoundFullBatch();

    /** Starts polling on a thread of its own until {@link #stop()}. */
    public final void start() {
        loop.start();
    }

    /**
     * Stops polling: the item under way may finish, the rest of the batch is given back for other instances to take.
     * Returns when the polling thread has ended; the worker may be started again.
     */
    public final void stop() {
        loop.stop();
    }

    public final boolean isRunning() {
        return loop.isRunning();
    }

    /** True once {@link #stop()} was called: a pass hands back the work it has not started. */
    final boolean stopping() {
        return loop.stopping();
    }

    /** Runs the next pass now instead of at the end of the poll interval. */
    final void wakeLoop() {
        loop.wake();
    }

    /** Stops polling for good. */
    @Override
    public void close() {
        stop();
    }
}
