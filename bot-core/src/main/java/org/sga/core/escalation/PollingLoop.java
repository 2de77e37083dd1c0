package org.sga.core.escalation;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A daemon thread that runs a pass again and again until stopped, waiting the poll interval after a pass that found
 * less than a full batch. Run by {@link PollingWorker}.
 */
final class PollingLoop {

    private static final Logger LOG = System.getLogger(PollingLoop.class.getName());

    /** One pass; returns true when it found a full batch, so the next pass should start at once. */
    @FunctionalInterface
    interface Pass {
        boolean run();
    }

    private final String name;
    private final Duration pollInterval;
    private final Duration stopWithin;
    private final Pass pass;
    private volatile boolean stopping;
    private Thread thread;
    /** Released to end the wait between passes early: by {@link #wake()} and by {@link #stop()}. */
    private final Semaphore wakeups = new Semaphore(0);

    /**
     * @param name       the thread's name, also used in the log
     * @param stopWithin how long {@link #stop()} waits for a pass under way before interrupting it
     */
    PollingLoop(String name, Duration pollInterval, Duration stopWithin, Pass pass) {
        this.name = name;
        this.pollInterval = pollInterval;
        this.stopWithin = stopWithin;
        this.pass = pass;
    }

    synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException(name + " is already running");
        }
        stopping = false;
        wakeups.drainPermits();
        thread = Thread.ofPlatform().name(name).daemon().start(this::loop);
    }

    /** Runs the next pass now instead of at the end of the poll interval (new work was just committed). */
    void wake() {
        wakeups.release();
    }

    /** Stops after the pass under way (interrupted if it outlasts {@code stopWithin}); returns when the thread ended. */
    void stop() {
        Thread running;
        synchronized (this) {
            running = thread;
            thread = null;
            stopping = true;
            wakeups.release();
        }
        if (running == null) {
            return;
        }
        try {
            running.join(stopWithin);
            if (running.isAlive()) {
                running.interrupt();
                running.join(Duration.ofSeconds(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    synchronized boolean isRunning() {
        return thread != null;
    }

    /** True once {@link #stop()} was called: a pass should hand back the work it has not started. */
    boolean stopping() {
        return stopping;
    }

    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private void loop() {
        long failures = 0;
        long lastWarning = 0;
        while (!stopping) {
            boolean fullBatch;
            try {
                fullBatch = pass.run();
                if (failures > 0) {
                    LOG.log(Level.INFO, "{0}: working again after {1} failed passes", name, failures);
                    failures = 0;
                }
            } catch (RuntimeException e) {
                // The class only: store exceptions can quote column values, which may be message text. While the
                // database is away every pass fails: warn on the first and then once a minute, not every poll.
                failures++;
                long now = System.nanoTime();
                if (failures == 1 || now - lastWarning >= WARN_EVERY.toNanos()) {
                    lastWarning = now;
                    LOG.log(Level.WARNING, "{0}: pass failed with {1} ({2} in a row); retrying after the poll interval",
                            name, e.getClass().getName(), failures);
                }
                LOG.log(Level.DEBUG, "pass failure", e);
                fullBatch = false;
            }
            if (!fullBatch) {
                try {
                    if (wakeups.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS)) {
                        // Several wake-ups while a pass ran need one more pass, not one each.
                        wakeups.drainPermits();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
