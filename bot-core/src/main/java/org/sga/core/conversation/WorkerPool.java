package org.sga.core.conversation;

import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool of daemon threads for the work a platform adapter hands off so that its request thread can answer
 * the platform at once. When the queue is full, {@link #offer} says no and the adapter asks the platform to retry.
 */
public final class WorkerPool implements AutoCloseable {

    private static final int CLOSE_WAIT_SECONDS = 10;

    private final ThreadPoolExecutor pool;

    /**
     * {@code threads} workers named {@code name-1}, {@code name-2}, …, and at most {@code queueCapacity} pieces of work
     * waiting; idle threads end after a minute and start again when work comes.
     */
    public WorkerPool(String name, int threads, int queueCapacity) {
        Objects.requireNonNull(name, "name");
        if (threads < 1 || queueCapacity < 1) {
            throw new IllegalArgumentException("a worker pool needs at least one thread and room for one piece of work");
        }
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queueCapacity),
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
    }

    /** Queues {@code work}; false when the queue is full or the pool is closed. */
    public boolean offer(Runnable work) {
        try {
            pool.execute(work);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Lets queued work finish for a few seconds, then stops. */
    @Override
    public void close() {
        pool.shutdown();
        try {
            if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
