package org.sga.slack;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Acknowledges an escalation for a role when someone presses its Acknowledge button. The adapter has already
 * asked Slack who the clicker is and whether they belong to the role's channel or to any configured user group;
 * the handler decides (the core keeps who may acknowledge and the first-one-wins rule).
 */
@FunctionalInterface
public interface AcknowledgeHandler {

    Outcome acknowledge(Request request);

    /**
     * One press of the button.
     *
     * @param reference     the escalation reference carried by the button
     * @param role          the role the notice went to
     * @param slackUserId   who pressed it
     * @param channelId     the channel the notice was posted in (the role's channel)
     * @param channelMember whether the clicker is a member of that channel right now, as Slack says
     * @param userGroups    ids of the configured user groups the clicker belongs to right now
     */
    record Request(String reference, String role, String slackUserId, String channelId, boolean channelMember,
                   Set<String> userGroups) {
        public Request {
            Objects.requireNonNull(reference, "reference");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(slackUserId, "slackUserId");
            userGroups = Set.copyOf(userGroups);
        }
    }

    /** What became of a press; {@code by} and {@code at} name the standing acknowledgement when there is one. */
    record Outcome(Status status, String bySlackUserId, Instant at) {
        public Outcome {
            Objects.requireNonNull(status, "status");
        }

        public static Outcome acknowledged(String by, Instant at) {
            return new Outcome(Status.ACKNOWLEDGED, by, at);
        }

        public static Outcome already(String by, Instant at) {
            return new Outcome(Status.ALREADY_ACKNOWLEDGED, by, at);
        }

        public static Outcome of(Status status) {
            return new Outcome(status, null, null);
        }
    }

    /** Outcomes the button can show. */
    enum Status { ACKNOWLEDGED, ALREADY_ACKNOWLEDGED, NOT_ALLOWED, UNKNOWN_ESCALATION }

    /**
     * The default until the application wires the core: channel members may acknowledge, nothing is recorded
     * beyond the Slack message itself.
     */
    static AcknowledgeHandler channelMembersOnly() {
        return r -> r.channelMember() || !r.userGroups().isEmpty()
                ? Outcome.acknowledged(r.slackUserId(), Instant.now())
                : Outcome.of(Status.NOT_ALLOWED);
    }
}
