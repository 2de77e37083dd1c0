package org.sga.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.DeliveryStatus;
import org.sga.core.escalation.OpenEscalation;
import org.sga.core.escalation.OutboxDepth;
import org.sga.core.escalation.OutboxEntry;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.Outbox;

/**
 * The outbox in table {@code outbox}. A claim sets {@code lease_owner}/{@code lease_until} with an UPDATE
 * that re-checks the row is still free, so two claimers can never both get a row on either database;
 * the preceding SELECT only chooses candidates (with SKIP LOCKED on PostgreSQL, in turns on H2).
 */
final class JdbcOutbox implements Outbox {

    private static final String COLUMNS = "id, idempotency_key, escalation_ref, role, attempt_kind, platform,"
            + " channel_target, payload, urgency, due_at, ack_deadline, status, attempts, next_attempt_at,"
            + " last_error, lease_owner, lease_until, delivered_at, platform_message_id, created_at";
    private static final String FREE = " status = 'PENDING' AND (lease_until IS NULL OR lease_until <= ?)";
    private static final String OPEN_REFS = "SELECT escalation_ref FROM outbox WHERE status <> 'DELIVERED'"
            + " UNION SELECT d.escalation_ref FROM ack_deadline d WHERE NOT EXISTS"
            + " (SELECT 1 FROM acknowledgement a WHERE a.escalation_ref = d.escalation_ref AND a.role = d.role)";

    private final StoreContext context;
    private final JdbcAcknowledgements acknowledgements;

    JdbcOutbox(StoreContext context, JdbcAcknowledgements acknowledgements) {
        this.context = context;
        this.acknowledgements = acknowledgements;
    }

    @Override
    public boolean enqueue(OutboxRow row) {
        Objects.requireNonNull(row, "row");
        return context.inTransaction(() -> {
            boolean inserted = context.insertUnlessPresent(
                    "INSERT INTO outbox (idempotency_key, escalation_ref, role, attempt_kind, platform, channel_target,"
                            + " payload, urgency, due_at, ack_deadline, status, attempts, next_attempt_at, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    row.idempotencyKey(), row.escalationRef(), row.role(), row.attempt(), row.platform(),
                    row.channelTarget(), row.payload(), row.urgency(), StoreContext.time(row.dueAt()),
                    StoreContext.time(row.ackDeadline()), StoreContext.time(row.dueAt()),
                    StoreContext.time(context.now()));
            if (inserted && row.ackDeadline() != null) {
                acknowledgements.awaitAcknowledgement(row);
            }
            return inserted;
        });
    }

    @Override
    public List<OutboxMessage> claim(String workerId, Instant now, Duration lease, int max) {
        return context.claim(workerId, max, "SELECT id FROM outbox WHERE" + FREE + " AND next_attempt_at <= ?"
                + " ORDER BY next_attempt_at, id", " FOR UPDATE SKIP LOCKED", "outbox_claim", select -> {
            Instant until = now.plus(lease);
            List<Long> candidates = context.jdbc().sql(select)
                    .params(StoreContext.time(now), StoreContext.time(now))
                    .query(Long.class).list();
            if (candidates.isEmpty()) {
                return List.of();
            }
            String in = " id IN (" + StoreContext.placeholders(candidates.size()) + ")";
            context.jdbc().sql("UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE" + in + " AND" + FREE)
                    .params(StoreContext.concat(List.of(workerId, StoreContext.time(until)),
                            StoreContext.concat(candidates, StoreContext.time(now))))
                    .update();
            return context.jdbc().sql("SELECT " + COLUMNS + " FROM outbox WHERE" + in
                            + " AND lease_owner = ? AND lease_until = ? ORDER BY next_attempt_at, id")
                    .params(StoreContext.concat(candidates, workerId, StoreContext.time(until)))
                    .query((rs, n) -> {
                        OutboxEntry entry = entry(rs);
                        return new OutboxMessage(entry.id(), entry.row(), entry.attempts() + 1,
                                entry.leaseOwner(), entry.leaseUntil());
                    })
                    .list();
        });
    }

    @Override
    public boolean markDelivered(long id, String workerId, String platformMessageId, Instant at) {
        // Not conditional on the lease: a worker whose lease ran out while posting did post, and recording
        // that at once saves another worker from posting it again.
        return context.jdbc().sql("UPDATE outbox SET status = 'DELIVERED', attempts = attempts + 1,"
                        + " delivered_at = ?, platform_message_id = ?, last_error = NULL,"
                        + " lease_owner = NULL, lease_until = NULL WHERE id = ? AND status = 'PENDING'")
                .params(StoreContext.time(at), platformMessageId, id)
                .update() == 1;
    }

    @Override
    public boolean markFailed(long id, String workerId, String errorCode, Instant nextAttemptAt) {
        return failedAttempt(id, workerId, errorCode, nextAttemptAt, "PENDING");
    }

    @Override
    public boolean markDead(long id, String workerId, String errorCode, Instant at) {
        return failedAttempt(id, workerId, errorCode, at, "DEAD");
    }

    /** Counts a failed attempt by the lease holder and gives the row up, to be tried again or as {@code DEAD}. */
    private boolean failedAttempt(long id, String workerId, String errorCode, Instant nextAttemptAt, String status) {
        return context.jdbc().sql("UPDATE outbox SET status = ?, attempts = attempts + 1, last_error = ?,"
                        + " next_attempt_at = ?, lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND status = 'PENDING' AND lease_owner = ?")
                .params(status, errorCode(errorCode), StoreContext.time(nextAttemptAt), id, workerId)
                .update() == 1;
    }

    @Override
    public boolean release(long id, String workerId) {
        return context.jdbc().sql("UPDATE outbox SET lease_owner = NULL, lease_until = NULL"
                        + " WHERE id = ? AND status = 'PENDING' AND lease_owner = ?")
                .params(id, workerId)
                .update() == 1;
    }

    @Override
    public List<OpenEscalation> openEscalations() {
        return context.inTransaction(() -> {
            List<OutboxEntry> entries = context.jdbc()
                    .sql("SELECT " + COLUMNS + " FROM outbox WHERE escalation_ref IN (" + OPEN_REFS + ") ORDER BY id")
                    .query((rs, n) -> entry(rs)).list();
            Map<String, List<Acknowledgement>> acks = new LinkedHashMap<>();
            for (Acknowledgement ack : acknowledgements.forEscalationsIn(OPEN_REFS)) {
                acks.computeIfAbsent(ack.ref(), ref -> new ArrayList<>()).add(ack);
            }
            Map<String, List<OutboxEntry>> byRef = new LinkedHashMap<>();
            for (OutboxEntry entry : entries) {
                byRef.computeIfAbsent(entry.row().escalationRef(), ref -> new ArrayList<>()).add(entry);
            }
            List<OpenEscalation> open = new ArrayList<>();
            byRef.forEach((ref, rows) -> {
                OutboxEntry first = rows.stream().min(Comparator.comparing(OutboxEntry::createdAt)).orElseThrow();
                open.add(new OpenEscalation(ref, first.row().urgency(), first.createdAt(), rows,
                        acks.getOrDefault(ref, List.of())));
            });
            // An escalation none of whose roles could be given a notice has no rows, only its chase: open all the same.
            context.jdbc().sql("SELECT d.escalation_ref, MIN(d.urgency) AS urgency, MIN(d.deadline) AS first_deadline"
                            + " FROM ack_deadline d WHERE d.escalation_ref IN (" + OPEN_REFS + ") AND NOT EXISTS"
                            + " (SELECT 1 FROM outbox o WHERE o.escalation_ref = d.escalation_ref)"
                            + " GROUP BY d.escalation_ref")
                    .query((rs, n) -> new OpenEscalation(rs.getString("escalation_ref"), rs.getString("urgency"),
                            StoreContext.instant(rs, "first_deadline"), List.of(),
                            acks.getOrDefault(rs.getString("escalation_ref"), List.of())))
                    .list()
                    .forEach(open::add);
            open.sort(Comparator.comparing(OpenEscalation::raisedAt).thenComparing(OpenEscalation::ref));
            return open;
        });
    }

    @Override
    public List<OutboxEntry> entries(String escalationRef) {
        return context.jdbc().sql("SELECT " + COLUMNS + " FROM outbox WHERE escalation_ref = ? ORDER BY id")
                .param(escalationRef)
                .query((rs, n) -> entry(rs))
                .list();
    }

    @Override
    public Optional<String> deliveredMessageId(String escalationRef, String role, String platform) {
        // One initial row per escalation and role (the idempotency key), so at most one row matches.
        return context.jdbc().sql("SELECT platform_message_id FROM outbox WHERE escalation_ref = ? AND role = ?"
                        + " AND attempt_kind = ? AND platform = ? AND status = 'DELIVERED'"
                        + " AND platform_message_id IS NOT NULL ORDER BY id")
                .params(escalationRef, role, OutboxRow.INITIAL, platform)
                .query(String.class)
                .list().stream().findFirst();
    }

    @Override
    public int retry(String escalationRef, Instant now) {
        return context.jdbc().sql("UPDATE outbox SET status = 'PENDING', next_attempt_at = ?,"
                        + " lease_owner = NULL, lease_until = NULL WHERE escalation_ref = ?"
                        + " AND (status = 'DEAD' OR (" + FREE + "))")
                .params(StoreContext.time(now), escalationRef, StoreContext.time(now))
                .update();
    }

    @Override
    public OutboxDepth depth() {
        return context.inTransaction(() -> {
            OutboxDepth waiting = context.jdbc().sql("SELECT"
                            + " COALESCE(SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), 0) AS pending,"
                            + " COALESCE(SUM(CASE WHEN status = 'DEAD' THEN 1 ELSE 0 END), 0) AS dead,"
                            + " MIN(CASE WHEN status = 'PENDING' THEN due_at END) AS oldest_due"
                            + " FROM outbox WHERE status <> 'DELIVERED'")
                    .query((rs, n) -> new OutboxDepth(rs.getLong("pending"), rs.getLong("dead"),
                            Optional.ofNullable(StoreContext.instant(rs, "oldest_due"))))
                    .single();
            long unreached = context.jdbc().sql("SELECT COUNT(DISTINCT d.escalation_ref) FROM ack_deadline d"
                            + " WHERE NOT EXISTS (SELECT 1 FROM acknowledgement a WHERE a.escalation_ref = d.escalation_ref)"
                            + " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.escalation_ref = d.escalation_ref"
                            + " AND o.role <> ? AND o.status <> 'DEAD')")
                    .param(OutboxRow.REPORTER)
                    .query(Long.class).single();
            return new OutboxDepth(waiting.pending(), waiting.dead(), waiting.oldestDue(), unreached);
        });
    }

    /** Error codes come from notifiers; the column holds 64 characters and nothing else is stored. */
    private static String errorCode(String code) {
        String safe = code == null || code.isBlank() ? "unknown" : code.strip();
        return safe.length() > 64 ? safe.substring(0, 64) : safe;
    }

    private static OutboxEntry entry(ResultSet rs) throws SQLException {
        OutboxRow row = new OutboxRow(rs.getString("escalation_ref"), rs.getString("role"),
                rs.getString("attempt_kind"), rs.getString("platform"), rs.getString("channel_target"),
                rs.getString("payload"), rs.getString("urgency"), StoreContext.instant(rs, "due_at"),
                StoreContext.instant(rs, "ack_deadline"));
        return new OutboxEntry(rs.getLong("id"), row, DeliveryStatus.valueOf(rs.getString("status")),
                rs.getInt("attempts"), StoreContext.instant(rs, "next_attempt_at"), rs.getString("last_error"),
                StoreContext.instant(rs, "delivered_at"), rs.getString("platform_message_id"),
                rs.getString("lease_owner"), StoreContext.instant(rs, "lease_until"),
                StoreContext.instant(rs, "created_at"));
    }
}
