package org.sga.app.store;

import java.time.Instant;
import org.sga.app.escalation.WorkerLifecycle;
import org.sga.core.escalation.EscalationEvents;
import org.sga.core.escalation.OutboxWorker;
import org.sga.core.escalation.OutboxRow;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Wakes this instance's outbox worker when an escalation, an acknowledgement or a re-escalation has just queued
 * notices, so they go out at once instead of at the next poll. Other instances still find them by polling. The
 * worker is looked up when needed: it is itself told of escalation events, so it cannot be a constructor argument.
 */
final class OutboxWakeUp implements EscalationEvents {

    private final ObjectProvider<WorkerLifecycle<OutboxWorker>> worker;

    OutboxWakeUp(ObjectProvider<WorkerLifecycle<OutboxWorker>> worker) {
        this.worker = worker;
    }

    @Override
    public void raised(String platform, String urgency, int notices) {
        wake();
    }

    @Override
    public void acknowledged(String role) {
        wake();
    }

    @Override
    public void reEscalated(String role) {
        wake();
    }

    @Override
    public void delivered(OutboxRow row, Instant at) {
        // Nothing new to send.
    }

    private void wake() {
        WorkerLifecycle<OutboxWorker> lifecycle = worker.getIfAvailable();
        if (lifecycle != null) {
            lifecycle.worker().wake();
        }
    }
}
