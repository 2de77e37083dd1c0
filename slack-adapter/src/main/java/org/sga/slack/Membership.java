package org.sga.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.methods.response.usergroups.users.UsergroupsUsersListResponse;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks Slack, at the moment of a click, whether someone is in a channel or in configured user groups. Fails
 * closed: when Slack cannot say (an error, a missing scope), the answer is "not a member".
 */
final class Membership {

    private static final Logger LOG = LoggerFactory.getLogger(Membership.class);
    private static final int PAGE = 1000;
    private static final int MAX_PAGES = 20;

    private final List<String> userGroups;

    Membership(List<String> userGroups) {
        this.userGroups = List.copyOf(userGroups);
    }

    boolean inChannel(MethodsClient client, String channel, String user) {
        String cursor = null;
        try {
            for (int page = 0; page < MAX_PAGES; page++) {
                String from = cursor;
                ConversationsMembersResponse r = client.conversationsMembers(q -> q.channel(channel).limit(PAGE).cursor(from));
                if (!r.isOk()) {
                    LOG.warn("conversations.members failed: {}", r.getError());
                    return false;
                }
                if (r.getMembers() != null && r.getMembers().contains(user)) {
                    return true;
                }
                cursor = r.getResponseMetadata() == null ? null : r.getResponseMetadata().getNextCursor();
                if (cursor == null || cursor.isEmpty()) {
                    return false;
                }
            }
        } catch (IOException | SlackApiException e) {
            LOG.warn("conversations.members failed: {}", e.getClass().getSimpleName());
        }
        return false;
    }

    Set<String> groupsOf(MethodsClient client, String user) {
        Set<String> in = new LinkedHashSet<>();
        for (String group : userGroups) {
            try {
                UsergroupsUsersListResponse r = client.usergroupsUsersList(q -> q.usergroup(group));
                if (!r.isOk()) {
                    LOG.warn("usergroups.users.list failed: {}", r.getError());
                } else if (r.getUsers() != null && r.getUsers().contains(user)) {
                    in.add(group);
                }
            } catch (IOException | SlackApiException e) {
                LOG.warn("usergroups.users.list failed: {}", e.getClass().getSimpleName());
            }
        }
        return in;
    }
}
