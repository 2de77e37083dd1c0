package org.sga.app.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.sga.core.audit.AuditEntry;
import org.sga.core.conversation.ConversationKey;
import org.sga.core.escalation.OutboxRow;

/** Invented escalations for store tests; no real people or places. */
final class Rows {

    static final Instant T0 = Instant.parse("2026-03-02T10:15:00Z");
    /** A direct-message conversation of one invented Slack user. */
    static final ConversationKey CONVERSATION = new ConversationKey("slack", "D0TEST01", "U0TEST01");

    private Rows() {
    }

    static OutboxRow row(String ref, String role) {
        return row(ref, role, T0);
    }

    static OutboxRow row(String ref, String role, Instant due) {
        return new OutboxRow(ref, role, OutboxRow.INITIAL, "console", role + "-channel",
                "{\"ref\":\"" + ref + "\",\"category\":\"child_harmed\",\"note\":\"Invented test concern\"}",
                "URGENT", due, due.plus(Duration.ofMinutes(30)));
    }

    static OutboxRow withoutDeadline(String ref, String role) {
        return new OutboxRow(ref, role, OutboxRow.INITIAL, "console", role + "-channel", "{}", "STANDARD", T0, null);
    }

    static OutboxRow backup(String ref, String role, Instant due) {
        return new OutboxRow(ref, role, OutboxRow.BACKUP, "console", role + "-backup-channel",
                "{\"ref\":\"" + ref + "\",\"backup\":true}", "URGENT", due, null);
    }

    /** {@code count} escalations of two roles each. */
    static List<OutboxRow> escalations(String prefix, int count) {
        List<OutboxRow> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(prefix + "-" + i, "safeguarding_lead"));
            rows.add(row(prefix + "-" + i, "manager"));
        }
        return rows;
    }

    static AuditEntry raised(String ref, Instant at) {
        return new AuditEntry("escalation_raised", ref,
                "{\"ref\":\"" + ref + "\",\"urgency\":\"URGENT\",\"notify\":[\"safeguarding_lead\",\"manager\"]}", at);
    }
}
