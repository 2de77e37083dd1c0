package org.sga.app.escalation;

import org.sga.core.escalation.PollingWorker;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/**
 * Starts a background worker (the outbox worker, the re-escalator) once the application is up, stops it on shutdown,
 * giving back its claims, and closes it when the context is destroyed; stopping keeps it able to start again.
 */
public final class WorkerLifecycle<W extends PollingWorker> implements SmartLifecycle, DisposableBean {

    private final W worker;

    public WorkerLifecycle(W worker) {
        this.worker = worker;
    }

    public W worker() {
        return worker;
    }

    @Override
    public void start() {
        worker.start();
    }

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
