package org.sga.app.store;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.sga.core.escalation.OutboxWorker;

/** Starts the outbox worker once the application is up and stops it, releasing its claims, on shutdown. */
public final class OutboxWorkerLifecycle implements SmartLifecycle, DisposableBean {

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

    /** Stops polling but keeps the delivery threads, so the context may start the worker again. */
    @Override
    public void stop() {
        worker.stop();
    }

    @Override
    public boolean isRunning() {
        return worker.isRunning();
    }

    @Override
    public void destroy() {
        worker.close();
    }
}
