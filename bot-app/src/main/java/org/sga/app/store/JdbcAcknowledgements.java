package org.sga.app.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sga.core.escalation.AcknowledgeResult;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.Acknowledgements;
import org.sga.core.escalation.AwaitedAcknowledgement;
import org.sga.core.escalation.ChaseStep;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.OverdueAcknowledgement;

/**
 * Acknowledgements in {@code acknowledgement} (first one wins by primary key) and the chase of notices
 * awaiting one in {@code ack_deadline}, whose state moves once from WAITING to ACKNOWLEDGED or RE_ESCALATED.
 */
final class JdbcAcknowledgements implements Acknowledgements {

    private static final String ACK_COLUMNS = "escalation_ref, role, acknowledged_by, acknowledged_at";
    private static final String DEADLINE_KEY = " WHERE escalation_ref = ? AND role = ? AND attempt_kind = ?";
    private static final String NOT_ACKNOWLEDGED = " NOT EXISTS (SELECT 1 FROM acknowledgement a"
            + " WHERE a.escalation_ref = d.escalation_ref AND a.role = d.role)";

    private final StoreContext context;

    JdbcAcknowledgements(StoreContext context) {
        this.context = context;
    }

    /** Starts the chase for a notice just enqueued with a deadline; called inside the enqueue transaction. */
    void awaitAcknowledgement(OutboxRow row) {
        await(new AwaitedAcknowledgement(row.escalationRef(), row.role(), row.attempt(), row.urgency(), row.ackDeadline()));
    }

    @Override
    public boolean await(AwaitedAcknowledgement awaited) {
        return context.insertUnlessPresent("INSERT INTO ack_deadline (escalation_ref, role, attempt_kind, urgency, deadline,"
                        + " state) VALUES (?, ?, ?, ?, ?, 'WAITING')",
                awaited.ref(), awaited.role(), awaited.step(), awaited.urgency(), StoreContext.time(awaited.deadline()));
    }

    @Override
    public List<ChaseStep> chase(String ref) {
        return context.jdbc().sql("SELECT escalation_ref, role, attempt_kind, urgency, deadline, state, handled_at"
                        + " FROM ack_deadline WHERE escalation_ref = ? ORDER BY deadline, role, attempt_kind")
                .param(ref)
                .query((rs, n) -> new ChaseStep(new AwaitedAcknowledgement(rs.getString("escalation_ref"),
                        rs.getString("role"), rs.getString("attempt_kind"), rs.getString("urgency"),
                        StoreContext.instant(rs, "deadline")), ChaseStep.State.valueOf(rs.getString("state")),
                        StoreContext.instant(rs, "handled_at")))
                .list();
    }

    @Override
    public AcknowledgeResult acknowledge(String ref, String role, String userId, Instant at) {
        Acknowledgement given = new Acknowledgement(ref, role, userId, at);
        return context.inTransaction(() -> {
            boolean first = context.insertUnlessPresent("INSERT INTO acknowledgement (" + ACK_COLUMNS + ") VALUES (?, ?, ?, ?)",
                    ref, role, userId, StoreContext.time(at));
            if (first) {
                context.jdbc().sql("UPDATE ack_deadline SET state = 'ACKNOWLEDGED', handled_at = ?,"
                                + " lease_owner = NULL, lease_until = NULL"
                                + " WHERE escalation_ref = ? AND role = ? AND state = 'WAITING'")
                        .params(StoreContext.time(at), ref, role)
                        .update();
            }
            Acknowledgement standing = find(ref, role).orElse(given);
            return new AcknowledgeResult(standing, first);
        });
    }

    @Override
    public Optional<Acknowledgement> find(String ref, String role) {
        return context.jdbc().sql("SELECT " + ACK_COLUMNS + " FROM acknowledgement WHERE escalation_ref = ? AND role = ?")
                .params(ref, role)
                .query((rs, n) -> acknowledgement(rs))
                .optional();
    }

    @Override
    public List<Acknowledgement> forEscalation(String ref) {
        return context.jdbc().sql("SELECT " + ACK_COLUMNS + " FROM acknowledgement WHERE escalation_ref = ?"
                        + " ORDER BY acknowledged_at, role")
                .param(ref)
                .query((rs, n) -> acknowledgement(rs))
                .list();
    }

    /** The acknowledgements of every escalation the given subquery selects. */
    List<Acknowledgement> forEscalationsIn(String refsSubquery) {
        return context.jdbc().sql("SELECT " + ACK_COLUMNS + " FROM acknowledgement WHERE escalation_ref IN ("
                        + refsSubquery + ") ORDER BY acknowledged_at, role")
                .query((rs, n) -> acknowledgement(rs))
                .list();
    }

    @Override
    public List<OverdueAcknowledgement> claimOverdue(String workerId, Instant now, Duration lease, int max) {
        return context.claim(workerId, max,
                "SELECT d.escalation_ref, d.role, d.attempt_kind, d.urgency, d.deadline FROM ack_deadline d"
                        + " WHERE d.state = 'WAITING' AND d.deadline <= ?"
                        + " AND (d.lease_until IS NULL OR d.lease_until <= ?) AND" + NOT_ACKNOWLEDGED
                        + " ORDER BY d.deadline, d.escalation_ref, d.role", " FOR UPDATE OF d SKIP LOCKED", "ack_claim", select -> {
            Instant until = now.plus(lease);
            List<OverdueAcknowledgement> candidates = context.jdbc().sql(select)
                    .params(StoreContext.time(now), StoreContext.time(now))
                    .query((rs, n) -> new OverdueAcknowledgement(rs.getString("escalation_ref"), rs.getString("role"),
                            rs.getString("attempt_kind"), rs.getString("urgency"), StoreContext.instant(rs, "deadline"),
                            workerId, until))
                    .list();
            List<OverdueAcknowledgement> claimed = new ArrayList<>();
            for (OverdueAcknowledgement candidate : candidates) {
                int updated = context.jdbc().sql("UPDATE ack_deadline SET lease_owner = ?, lease_until = ?" + DEADLINE_KEY
                                + " AND state = 'WAITING' AND (lease_until IS NULL OR lease_until <= ?)")
                        .params(workerId, StoreContext.time(until), candidate.ref(), candidate.role(),
                                candidate.attempt(), StoreContext.time(now))
                        .update();
                if (updated == 1) {
                    claimed.add(new OverdueAcknowledgement(candidate.ref(), candidate.role(), candidate.attempt(),
                            candidate.urgency(), candidate.deadline(), workerId,
                            until.truncatedTo(java.time.temporal.ChronoUnit.MICROS)));
                }
            }
            return claimed;
        });
    }

    @Override
    public boolean markReEscalated(OverdueAcknowledgement overdue, String workerId, Instant at) {
        return context.jdbc().sql("UPDATE ack_deadline SET state = 'RE_ESCALATED', handled_at = ?,"
                        + " lease_owner = NULL, lease_until = NULL" + DEADLINE_KEY
                        + " AND state = 'WAITING' AND lease_owner = ? AND NOT EXISTS (SELECT 1 FROM acknowledgement a"
                        + " WHERE a.escalation_ref = ? AND a.role = ?)")
                .params(StoreContext.time(at), overdue.ref(), overdue.role(), overdue.attempt(), workerId,
                        overdue.ref(), overdue.role())
                .update() == 1;
    }

    @Override
    public boolean release(OverdueAcknowledgement overdue, String workerId) {
        return context.jdbc().sql("UPDATE ack_deadline SET lease_owner = NULL, lease_until = NULL" + DEADLINE_KEY
                        + " AND state = 'WAITING' AND lease_owner = ?")
                .params(overdue.ref(), overdue.role(), overdue.attempt(), workerId)
                .update() == 1;
    }

    private static Acknowledgement acknowledgement(ResultSet rs) throws SQLException {
        return new Acknowledgement(rs.getString("escalation_ref"), rs.getString("role"),
                rs.getString("acknowledged_by"), StoreContext.instant(rs, "acknowledged_at"));
    }
}
