package org.sga.core.testkit;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.sga.core.audit.AuditCheckpoint;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditTrail;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.conversation.ConversationState;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.EscalationStore;
import org.sga.core.escalation.Outbox;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.TransactionalEscalationStore;
import org.sga.core.store.UnitOfWork;

/**
 * Every storage port of the core in memory, shaped like the application's store: one bot instance's view of one
 * database. A transaction holds one lock, so work from several threads is serialised as the database's locks would
 * serialise it, and a transaction that throws leaves every table as it found it.
 */
public final class MemoryStore {

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private Tables tables = new Tables();

    private final MemoryConversations conversations = new MemoryConversations(this);
    private final MemoryEvents processedEvents = new MemoryEvents(this);
    private final MemoryAuditTrail auditTrail = new MemoryAuditTrail(this);
    private final MemoryAcknowledgements acknowledgements = new MemoryAcknowledgements(this);
    private final MemoryOutbox outbox = new MemoryOutbox(this, acknowledgements);
    private final UnitOfWork unitOfWork = this::inTransaction;
    private final EscalationStore escalations = new TransactionalEscalationStore(unitOfWork, auditTrail, outbox,
            acknowledgements);

    public MemoryStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public ConversationStore conversations() {
        return conversations;
    }

    public ProcessedEvents processedEvents() {
        return processedEvents;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public Outbox outbox() {
        return outbox;
    }

    public Acknowledgements acknowledgements() {
        return acknowledgements;
    }

    public UnitOfWork unitOfWork() {
        return unitOfWork;
    }

    public EscalationStore escalations() {
        return escalations;
    }

    /** The ports together, as the escalation fixture takes them. */
    public StorePorts ports() {
        return new StorePorts(conversations, auditTrail, outbox, acknowledgements, escalations, unitOfWork);
    }

    Instant now() {
        return clock.instant();
    }

    /** Runs {@code work} on the tables in one transaction, joining one this thread already holds. */
    <T> T inTransaction(Supplier<T> work) {
        if (lock.isHeldByCurrentThread()) {
            return work.get();
        }
        lock.lock();
        Tables before = tables.copy();
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            tables = before;
            throw e;
        } finally {
            lock.unlock();
        }
    }

    void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }

    /** The tables; only inside {@link #inTransaction}. */
    Tables tables() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("tables are read and written in a transaction");
        }
        return tables;
    }

    /** The rows of every table. Rows are immutable records, so a copy of the maps is a snapshot. */
    static final class Tables {
        final Map<ConversationKey, ConversationState> conversations = new LinkedHashMap<>();
        final Map<String, Instant> events = new LinkedHashMap<>();
        final Map<Long, AuditRecord> audit = new LinkedHashMap<>();
        final Map<Long, AuditCheckpoint> checkpoints = new LinkedHashMap<>();
        long headSequence;
        String headHash = org.sga.core.audit.AuditHash.GENESIS;
        final Map<Long, OutboxEntry> outbox = new LinkedHashMap<>();
        long lastOutboxId;
        final Map<String, Acknowledgement> acknowledgements = new LinkedHashMap<>();
        final Map<String, MemoryAcknowledgements.Deadline> deadlines = new LinkedHashMap<>();

        Tables copy() {
            Tables copy = new Tables();
            copy.conversations.putAll(conversations);
            copy.events.putAll(events);
            copy.audit.putAll(audit);
            copy.checkpoints.putAll(checkpoints);
            copy.headSequence = headSequence;
            copy.headHash = headHash;
            copy.outbox.putAll(outbox);
            copy.lastOutboxId = lastOutboxId;
            copy.acknowledgements.putAll(acknowledgements);
            copy.deadlines.putAll(deadlines);
            return copy;
        }
    }
}
