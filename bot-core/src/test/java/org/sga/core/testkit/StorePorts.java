package org.sga.core.testkit;

import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Outbox;
import org.sga.core.store.UnitOfWork;

/** The storage ports one bot instance works with, from memory or from a real database. */
public record StorePorts(ConversationStore conversations, AuditTrail auditTrail, Outbox outbox,
                         Acknowledgements acknowledgements, EscalationStore escalations, UnitOfWork unitOfWork) {
}
