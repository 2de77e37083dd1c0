package org.sga.core.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;

/**
 * Who is in each channel, as Slack's {@code conversations.members} or the Teams roster would answer: the remote
 * platform's side of the port, set by the test. The adapters' own answers are tested against WireMock.
 */
public final class Roster implements ChannelMembership {

    private final Map<String, Set<String>> members = new ConcurrentHashMap<>();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private volatile boolean unreachable;

    public Roster join(String channel, String... userIds) {
        members.computeIfAbsent(channel, c -> ConcurrentHashMap.newKeySet()).addAll(List.of(userIds));
        return this;
    }

    /** From now on the platform cannot say (an outage, a missing scope). */
    public Roster unreachable() {
        unreachable = true;
        return this;
    }

    /** The channels asked about, in order. */
    public List<String> asked() {
        return List.copyOf(asked);
    }

    @Override
    public Answer check(String channel, Actor actor) {
        asked.add(channel);
        if (unreachable) {
            return Answer.UNKNOWN;
        }
        return members.getOrDefault(channel, Set.of()).contains(actor.userId()) ? Answer.MEMBER : Answer.NOT_MEMBER;
    }
}
