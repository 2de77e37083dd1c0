package org.sga.core.escalation;

/**
 * Asks a chat platform, at the moment someone acknowledges, whether they are in a channel now (Slack
 * {@code conversations.members}, the Teams roster). The adapters answer; the acknowledgement policy decides.
 */
@FunctionalInterface
public interface ChannelMembership {

    /** What the platform said. {@link #UNKNOWN} when it could not say (an error, a missing scope): never a yes. */
    enum Answer { MEMBER, NOT_MEMBER, UNKNOWN }

    /** Knows of no channel on any platform. */
    ChannelMembership NONE = (channel, actor) -> Answer.UNKNOWN;

    /** Whether {@code actor} is in {@code channel}, a channel id on the actor's platform. */
    Answer check(String channel, Actor actor);
}
