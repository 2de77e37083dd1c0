package org.sga.app.store;

import org.springframework.context.SmartLifecycle;
import org.sga.core.escalation.OutboxWorker;

/** Starts the outbox worker once the application is up and stops it, releasing its claims, on shutdown. */
public final class OutboxWorkerLifecycle implements SmartLifecycle {

    private final OutboxWorker worker;

    public OutboxWorkerLifecycle(OutboxWorker worker) {
        this.worker = worker;
    }

    public OutboxWorker worker() {
        return worker;
    }

    @Override
    public void start() {
        worker.start();
    }

    @Override
    public void stop() {
        worker.close();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }
}
