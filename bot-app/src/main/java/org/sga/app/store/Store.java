package org.sga.app.store;

import javax.sql.DataSource;
import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.retention.RetentionStore;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.TransactionalEscalationStore;
import org.sga.core.store.UnitOfWork;

/** An opened store: every storage port of the core over one migrated database. Close it to release a pool it owns. */
public final class Store implements AutoCloseable {

    private final DataSource dataSource;
    private final Dialect dialect;
    private final AutoCloseable ownedPool;
    private final ConversationStore conversations;
    private final ProcessedEvents processedEvents;
    private final JdbcOutbox outbox;
    private final JdbcAcknowledgements acknowledgements;
    private final AuditTrail auditTrail;
    private final UnitOfWork unitOfWork;
    private final EscalationStore escalations;
    private final ContentFeedback contentFeedback;
    private final JdbcRetention retention;

    Store(DataSource dataSource, StoreContext context, AutoCloseable ownedPool) {
        this.dataSource = dataSource;
        this.dialect = context.dialect();
        this.ownedPool = ownedPool;
        this.conversations = new JdbcConversationStore(context);
        this.processedEvents = new JdbcProcessedEvents(context);
        this.acknowledgements = new JdbcAcknowledgements(context);
        this.outbox = new JdbcOutbox(context, acknowledgements);
        this.auditTrail = new JdbcAuditTrail(context);
        this.unitOfWork = new JdbcUnitOfWork(context);
        this.escalations = new TransactionalEscalationStore(unitOfWork, auditTrail, outbox, acknowledgements);
        this.contentFeedback = new ContentFeedback(context);
        this.retention = new JdbcRetention(context);
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Acknowledgements acknowledgements() {
        return acknowledgements;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EscalationStore escalations() {
        return escalations;
    }

    /** Unanswered questions and answer votes, for the content owners. */
    public ContentFeedback contentFeedback() {
        return contentFeedback;
    }

    /** Batched deletes of what is past its retention (the audit trail purges through {@link #auditTrail()}). */
    public RetentionStore retention() {
        return retention;
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** "H2" or "PostgreSQL". */
    public String databaseProduct() {
        return dialect.productName();
    }

    @Override
    public void close() {
        if (ownedPool != null) {
            try {
                ownedPool.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the store's connection pool failed", e);
            }
        }
    }
}
