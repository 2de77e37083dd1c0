package org.sga.app.retention;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.sga.core.retention.RetentionPurge;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs the core's retention purge on a daemon thread: first after the initial delay, then the interval after each
 * run ends, so runs never overlap on one instance. Stopped with the application: a run under way ends after its current batch.
 */
public final class RetentionLifecycle implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionLifecycle.class);

    private final RetentionPurge purge;
    private final Duration initialDelay;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public RetentionLifecycle(RetentionPurge purge, Duration initialDelay, Duration interval) {
        this.purge = purge;
        this.initialDelay = initialDelay;
        this.interval = interval;
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        purge.stopping(false);
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("sga-retention").daemon().factory());
        scheduler.scheduleWithFixedDelay(this::runSafely, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Retention purge every {}", interval);
    }

    private void runSafely() {
        try {
            purge.runOnce();
        } catch (RuntimeException e) {
            // A failed run must not cancel the schedule; the next one tries again.
            LOG.warn("Retention purge failed: {}", e.getClass().getName());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler == null) {
            return;
        }
        purge.stopping(true);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Retention purge did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        scheduler = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
