package org.sga.app.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.audit.AuditChainVerifier;
import org.sga.core.audit.AuditCheckpoint;
import org.sga.core.audit.AuditPurge;
import org.sga.core.audit.AuditSigningKey;
import org.sga.core.audit.AuditEntry;
import org.sga.core.audit.AuditHash;
import org.sga.core.audit.AuditRecord;
import org.sga.core.audit.AuditTrail;
import org.sga.core.audit.AuditVerification;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The audit trail in {@code audit_record}, chained through {@code audit_head}: an append locks the head
 * row, so appends from several instances queue and each links to the one before it. Records past their retention are
 * purged from the start of the chain, each purge leaving a signed row in {@code audit_checkpoint}.
 */
final class JdbcAuditTrail implements AuditTrail {

    private static final String COLUMNS = "seq, record_type, escalation_ref, payload, recorded_at, prev_hash, record_hash";
    private static final String CHECKPOINT_COLUMNS =
            "first_seq, last_seq, first_prev_hash, last_hash, record_count, purged_at, key_id, signature";

    private final StoreContext context;
    private final JsonMapper json = JsonMapper.builder().build();

    JdbcAuditTrail(StoreContext context) {
        this.context = context;
    }

    @Override
    public AuditRecord append(AuditEntry entry) {
        Objects.requireNonNull(entry, "entry");
        requireJson(entry.payload());
        return context.inTransaction(() -> {
            Head head = context.jdbc().sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
                    .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                    .single();
            long seq = head.sequence() + 1;
            Instant at = AuditHash.canonicalTime(entry.at());
            String hash = AuditHash.of(seq, entry.type(), entry.ref(), at, entry.payload(), head.hash());
            context.jdbc().sql("INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?)")
                    .params(seq, entry.type(), entry.ref(), entry.payload(), StoreContext.time(at), head.hash(), hash)
                    .update();
            context.jdbc().sql("UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                    .params(seq, hash)
                    .update();
            return new AuditRecord(seq, entry.type(), entry.ref(), entry.payload(), at, head.hash(), hash);
        });
    }

    @Override
    public AuditVerification verify(AuditSigningKey key) {
        // One snapshot: a purge committing meanwhile must not show its checkpoint without its deletions, or the reverse.
        return context.inSnapshot(() -> {
            // The head first: records appended while we read are beyond it and left for the next check.
            Head head = context.jdbc().sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
                    .query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash")))
                    .single();
            AuditChainVerifier verifier = new AuditChainVerifier(key);
            try {
                context.streaming().query("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY last_seq",
                        rs -> {
                            if (!verifier.acceptCheckpoint(checkpoint(rs))) {
                                throw new StopReading();
                            }
                        });
                context.streaming().query("SELECT " + COLUMNS + " FROM audit_record WHERE seq <= ? ORDER BY seq",
                        rs -> {
                            if (!verifier.accept(record(rs))) {
                                throw new StopReading();
                            }
                        },
                        head.sequence());
            } catch (StopReading stopped) {
                // The first break is all verification reports.
            }
            return verifier.finish(head.sequence(), head.hash());
        });
    }

    @Override
    public AuditPurge purgeBefore(Instant cutoff, AuditSigningKey key, int max) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(key, "key");
        if (max < 1) {
            throw new IllegalArgumentException("max must be positive");
        }
        return context.inTransaction(() -> {
            // Purgers take turns; appends lock audit_head instead and carry on at the other end of the chain.
            context.takeTurn("audit_purge");
            Optional<AuditCheckpoint> latest = context.jdbc()
                    .sql("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY last_seq DESC FETCH FIRST 1 ROWS ONLY")
                    .query((rs, n) -> checkpoint(rs))
                    .optional();
            long headSequence = context.jdbc().sql("SELECT last_seq FROM audit_head WHERE id = 1").query(Long.class).single();
            List<AuditRecord> candidates = context.jdbc().sql("SELECT " + COLUMNS + " FROM audit_record WHERE seq > ? AND seq <= ?"
                            + " ORDER BY seq FETCH FIRST " + max + " ROWS ONLY")
                    .params(latest.map(AuditCheckpoint::lastSequence).orElse(0L), headSequence)
                    .query((rs, n) -> record(rs))
                    .list();
            List<AuditRecord> due = candidates.stream().takeWhile(r -> r.at().isBefore(cutoff)).toList();
            if (due.isEmpty()) {
                return AuditPurge.nothing();
            }
            // Only an intact stretch is purged: a checkpoint must not vouch for records someone has altered.
            AuditChainVerifier verifier = new AuditChainVerifier(key);
            boolean intact = latest.map(verifier::startAfter).orElse(true);
            for (int i = 0; intact && i < due.size(); i++) {
                intact = verifier.accept(due.get(i));
            }
            if (!intact) {
                return AuditPurge.refused(verifier.firstBreak().orElseThrow());
            }
            AuditRecord first = due.getFirst();
            AuditRecord last = due.getLast();
            int deleted = context.jdbc().sql("DELETE FROM audit_record WHERE seq >= ? AND seq <= ?")
                    .params(first.sequence(), last.sequence())
                    .update();
            if (deleted != due.size()) {
                throw new IllegalStateException("audit purge of records " + first.sequence() + " to " + last.sequence()
                        + " deleted " + deleted + " rows; rolled back");
            }
            AuditCheckpoint checkpoint = AuditCheckpoint.signed(first.sequence(), last.sequence(), first.prevHash(),
                    last.hash(), context.now(), key);
            context.jdbc().sql("INSERT INTO audit_checkpoint (" + CHECKPOINT_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(checkpoint.firstSequence(), checkpoint.lastSequence(), checkpoint.firstPrevHash(),
                            checkpoint.lastHash(), checkpoint.recordCount(), StoreContext.time(checkpoint.at()),
                            checkpoint.keyId(), checkpoint.signature())
                    .update();
            return AuditPurge.purged(checkpoint);
        });
    }

    @Override
    public List<AuditCheckpoint> checkpoints() {
        return context.jdbc().sql("SELECT " + CHECKPOINT_COLUMNS + " FROM audit_checkpoint ORDER BY last_seq")
                .query((rs, n) -> checkpoint(rs))
                .list();
    }

    @Override
    public long export(Instant from, Instant to, Writer out) throws IOException {
        Objects.requireNonNull(out, "out");
        long[] count = {0};
        try {
            context.inTransaction(() -> {
                context.streaming().query("SELECT " + COLUMNS + " FROM audit_record"
                                + " WHERE recorded_at >= ? AND recorded_at < ? ORDER BY seq",
                        rs -> {
                            try {
                                out.write(jsonLine(record(rs)));
                                out.write('\n');
                                count[0]++;
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        StoreContext.time(from), StoreContext.time(to));
                return null;
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
        return count[0];
    }

    @Override
    public List<AuditRecord> forRef(String ref) {
        return context.jdbc().sql("SELECT " + COLUMNS + " FROM audit_record WHERE escalation_ref = ? ORDER BY seq")
                .param(ref)
                .query((rs, n) -> record(rs))
                .list();
    }

    private String jsonLine(AuditRecord record) {
        ObjectNode line = json.createObjectNode();
        line.put("seq", record.sequence());
        line.put("type", record.type());
        line.put("ref", record.ref());
        line.put("at", record.at().toString());
        line.set("payload", payloadTree(record.payload()));
        line.put("prevHash", record.prevHash());
        line.put("hash", record.hash());
        return json.writeValueAsString(line);
    }

    /** Appends accept JSON only, but an edited row may hold anything; export it as a string then. */
    private JsonNode payloadTree(String payload) {
        try {
            return json.readTree(payload);
        } catch (JacksonException e) {
            return json.getNodeFactory().stringNode(payload);
        }
    }

    private void requireJson(String payload) {
        boolean valid;
        try {
            valid = !json.readTree(payload).isMissingNode();
        } catch (JacksonException e) {
            valid = false;
        }
        if (!valid) {
            // Never the payload itself in the message: it may hold a reporter's note.
            throw new IllegalArgumentException("audit payload must be a JSON value");
        }
    }

    private static AuditRecord record(ResultSet rs) throws SQLException {
        return new AuditRecord(rs.getLong("seq"), rs.getString("record_type"), rs.getString("escalation_ref"),
                rs.getString("payload"), StoreContext.instant(rs, "recorded_at"), rs.getString("prev_hash"),
                rs.getString("record_hash"));
    }

    private static AuditCheckpoint checkpoint(ResultSet rs) throws SQLException {
        return new AuditCheckpoint(rs.getLong("first_seq"), rs.getLong("last_seq"), rs.getString("first_prev_hash"),
                rs.getString("last_hash"), rs.getLong("record_count"), StoreContext.instant(rs, "purged_at"),
                rs.getString("key_id"), rs.getString("signature"));
    }

    private record Head(long sequence, String hash) {
    }

    /** Ends a streaming read early once the chain is known to be broken. */
    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }
}
