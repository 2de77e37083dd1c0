package org.sga.core.escalation;

import java.time.Instant;
import java.util.Objects;
import org.sga.core.values.Check;

/**
 * One message to deliver: an escalation's notice to one role through one channel. The payload is the
 * rendered message and is opaque here; {@code ackDeadline} is null when no acknowledgement is awaited.
 */
public record OutboxRow(
        String escalationRef,
        String role,
        String attempt,
        String platform,
        String channelTarget,
        String payload,
        String urgency,
        Instant dueAt,
        Instant ackDeadline) {

    /** The first notice to a role. */
    public static final String INITIAL = "initial";
    /** The notice to a role's backup when nobody in the role acknowledged in time. */
    public static final String BACKUP = "backup";
    /** The role of rows that go back to the reporter, to their private chat with the bot. */
    public static final String REPORTER = "reporter";

    public OutboxRow {
        Check.keyPart(escalationRef, "escalationRef", 64);
        Check.keyPart(role, "role", 64);
        Check.keyPart(attempt, "attempt", 64);
        Check.text(platform, "platform", 32);
        Check.text(channelTarget, "channelTarget", 255);
        Objects.requireNonNull(payload, "payload");
        Check.text(urgency, "urgency", 16);
        Objects.requireNonNull(dueAt, "dueAt");
    }

    /** Unique per escalation, role and attempt: enqueuing the same key twice stores one row. */
    public String idempotencyKey() {
        return escalationRef + "/" + role + "/" + attempt;
    }
}
