package org.sga.app.escalation;

import org.sga.core.escalation.ReEscalator;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;

/** Starts the re-escalator once the application is up and stops it, giving back its claims, on shutdown. */
public final class ReEscalatorLifecycle implements SmartLifecycle, DisposableBean {

    private final ReEscalator reEscalator;

    public ReEscalatorLifecycle(ReEscalator reEscalator) {
        this.reEscalator = reEscalator;
    }

    public ReEscalator reEscalator() {
        return reEscalator;
    }

    @Override
    public void start() {
        reEscalator.start();
    }

    @Override
    public void stop() {
        reEscalator.stop();
    }

    @Override
    public boolean isRunning() {
        return reEscalator.isRunning();
    }

    @Override
    public void destroy() {
        reEscalator.close();
    }
}
