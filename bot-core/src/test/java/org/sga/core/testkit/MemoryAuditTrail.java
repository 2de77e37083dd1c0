package org.sga.core.testkit;

import java.io.Writer;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditChainVerifier;
import org.sga.core.audit.AuditCheckpoint;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditHash;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditTrail;
import org.sga.core.audit.AuditVerification;

/** The hash-chained audit trail in memory, purged from the start of the chain behind signed checkpoints. */
final class MemoryAuditTrail implements AuditTrail {

    private final MemoryStore store;

    MemoryAuditTrail(MemoryStore store) {
        this.store = store;
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            long seq = t.headSequence + 1;
            Instant at = AuditHash.canonicalTime(entry.at());
            String hash = AuditHash.of(seq, entry.type(), entry.ref(), at, entry.payload(), t.headHash);
            AuditRecord record = new AuditRecord(seq, entry.type(), entry.ref(), entry.payload(), at, t.headHash, hash);
            t.audit.put(seq, record);
            t.headSequence = seq;
            t.headHash = hash;
            return record;
        });
    }

    @Override
    public AuditVerification verify(AuditSigningKey key) {
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            AuditChainVerifier verifier = new AuditChainVerifier(key);
            boolean reading = true;
            for (AuditCheckpoint checkpoint : checkpointsInOrder(t)) {
                if (!verifier.acceptCheckpoint(checkpoint)) {
                    reading = false;
                    break;
                }
            }
            for (AuditRecord record : recordsInOrder(t)) {
                if (!reading || !verifier.accept(record)) {
                    break;
                }
            }
            return verifier.finish(t.headSequence, t.headHash);
        });
    }

    @Override
    public AuditPurge purgeBefore(Instant cutoff, AuditSigningKey key, int max) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(key, "key");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return store.inTransaction(() -> {
            MemoryStore.Tables t = store.tables();
            List<AuditCheckpoint> checkpoints = checkpointsInOrder(t);
            Optional<AuditCheckpoint> latest = checkpoints.isEmpty() ? Optional.empty() : Optional.of(checkpoints.getLast());
            List<AuditRecord> due = recordsInOrder(t).stream().limit(max)
                    .takeWhile(r -> r.at().isBefore(cutoff)).toList();
            if (due.isEmpty()) {
                return AuditPurge.nothing();
            }
            AuditChainVerifier verifier = new AuditChainVerifier(key);
            boolean intact = latest.map(verifier::startAfter).orElse(true);
            for (int i = 0; intact && i < due.size(); i++) {
                intact = verifier.accept(due.get(i));
            }
            if (!intact) {
                return AuditPurge.refused(verifier.firstBreak().orElseThrow());
            }
            due.forEach(r -> t.audit.remove(r.sequence()));
            AuditCheckpoint checkpoint = AuditCheckpoint.signed(due.getFirst().sequence(), due.getLast().sequence(),
                    due.getFirst().prevHash(), due.getLast().hash(), store.now(), key);
            t.checkpoints.put(checkpoint.lastSequence(), checkpoint);
            return AuditPurge.purged(checkpoint);
        });
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return store.inTransaction(() -> checkpointsInOrder(store.tables()));
    }

    /** Export writes JSON, which the core has no library for; the JDBC trail's export is tested in bot-app. */
    @Override
    public long export(Instant from, Instant to, Writer out) {
        throw new UnsupportedOperationException("the in-memory audit trail does not export");
    }

    @Override
    public List<AuditRecord> forRef(String ref) {
        return store.inTransaction(() -> recordsInOrder(store.tables()).stream().filter(r -> r.ref().equals(ref)).toList());
    }

    private static List<AuditRecord> recordsInOrder(MemoryStore.Tables t) {
        return t.audit.values().stream().sorted(Comparator.comparingLong(AuditRecord::sequence)).toList();
    }

    private static List<AuditCheckpoint> checkpointsInOrder(MemoryStore.Tables t) {
        return t.checkpoints.values().stream().sorted(Comparator.comparingLong(AuditCheckpoint::lastSequence)).toList();
    }
}
