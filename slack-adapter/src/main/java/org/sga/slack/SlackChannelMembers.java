package org.sga.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import java.io.IOException;
import java.util.function.Supplier;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the core's question "is this person in this channel now?" with Slack's {@code conversations.members}, page
 * by page. When Slack cannot say (an error, a missing scope, too many pages), the answer is {@code UNKNOWN}, which the
 * core never takes for a yes. The decision is the core's; nothing here allows or refuses.
 */
final class SlackChannelMembers implements ChannelMembership {

    private static final Logger LOG = LoggerFactory.getLogger(SlackChannelMembers.class);
    private static final int PAGE = 1000;
    /** 20,000 members: beyond that a channel is the whole workspace, not a role's people. */
    private static final int MAX_PAGES = 20;

    private final Supplier<MethodsClient> client;

    SlackChannelMembers(Supplier<MethodsClient> client) {
        this.client = client;
    }

    @Override
    public Answer check(String channel, Actor actor) {
        if (actor.platform() != Platform.SLACK) {
            return Answer.NOT_MEMBER;
        }
        MethodsClient slack = client.get();
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String from = cursor;
                ConversationsMembersResponse r = slack.conversationsMembers(q -> q.channel(channel).limit(PAGE).cursor(from));
                if (!r.isOk()) {
                    LOG.warn("conversations.members failed: {}", r.getError());
                    return Answer.UNKNOWN;
                }
                if (r.getMembers() != null && r.getMembers().contains(actor.userId())) {
                    return Answer.MEMBER;
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return Answer.NOT_MEMBER;
                }
            }
            LOG.warn("conversations.members: more than {} pages; not taken as a member", MAX_PAGES);
        } catch (IOException | SlackApiException e) {
            LOG.warn("conversations.members failed: {}", e.getClass().getSimpleName());
        }
        return Answer.UNKNOWN;
    }
}
