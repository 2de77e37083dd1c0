package org.sga.core.escalation;

import java.util.Objects;

/**
 * One attempt to acknowledge an escalation.
 *
 * @param reference as given; case and surrounding spaces do not matter
 * @param role      a role id as given, or null when a typed {@code ack} named none
 * @param actor     who is acknowledging
 * @param noticeId  the platform's id of the notice whose button was pressed (on Slack {@code channel:ts}, on Teams the
 *                  notice's conversation id), or null when the acknowledgement was typed; a button acknowledges only
 *                  the escalation and role of its own notice
 */
public record AcknowledgeRequest(String reference, String role, Actor actor, String noticeId) {

    public AcknowledgeRequest {
        reference = reference == null ? "" : reference;
        role = role == null || role.isBlank() ? null : role.strip();
        Objects.requireNonNull(actor, "actor");
        noticeId = noticeId == null || noticeId.isBlank() ? null : noticeId;
    }

    /** {@code ack REF [role]} typed in a chat. */
    public static AcknowledgeRequest typed(String reference, String role, Actor actor) {
        return new AcknowledgeRequest(reference, role, actor, null);
    }

    /** The Acknowledge button of the notice {@code noticeId}, carrying {@code reference} and {@code role}. */
    public static AcknowledgeRequest button(String reference, String role, Actor actor, String noticeId) {
        return new AcknowledgeRequest(reference, role, actor, Objects.requireNonNull(noticeId, "noticeId"));
    }

    boolean fromButton() {
        return noticeId != null;
    }
}
