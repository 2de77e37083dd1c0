package org.sga.core.escalation;

import java.util.Optional;

/**
 * Where a role's first notice of an escalation was posted, so that a later notice to the role's backup can point to
 * it. The outbox answers from its delivered rows; the id is the platform's own (on Slack {@code channel:ts}).
 */
@FunctionalInterface
public interface FirstNotices {

    /** Knows of no notice: for notifiers used without a store. */
    FirstNotices NONE = (escalationRef, role, platform) -> Optional.empty();

    /**
     * The platform message id of the first notice ({@link OutboxRow#INITIAL}) of escalation {@code escalationRef} to
     * {@code role} on {@code platform}; empty when there is none or it has not been delivered (yet).
     */
    Optional<String> deliveredMessageId(String escalationRef, String role, String platform);
}
