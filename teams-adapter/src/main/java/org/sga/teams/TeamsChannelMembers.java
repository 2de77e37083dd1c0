package org.sga.teams;

import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.ChannelAccount;
import java.util.concurrent.CompletionException;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the core's question "is this person in this channel now?" from the Teams roster: the connector's
 * {@code GET v3/conversations/{channel}/members/{user}} (a standard channel's roster is its team's; a private channel
 * has its own). A 404 means not a member; any other failure means Teams could not say ({@code UNKNOWN}), which the core
 * never takes for a yes.
 */
final class TeamsChannelMembers implements ChannelMembership {

    private static final Logger LOG = LoggerFactory.getLogger(TeamsChannelMembers.class);

    private final ConnectorClients clients;
    private final ConversationReferences references;
    private final TeamsSettings settings;

    TeamsChannelMembers(ConnectorClients clients, ConversationReferences references, TeamsSettings settings) {
        this.clients = clients;
        this.references = references;
        this.settings = settings;
    }

    @Override
    public Answer check(String channel, Actor actor) {
        if (actor.platform() != Platform.TEAMS) {
            return Answer.NOT_MEMBER;
        }
        String tenant = settings.tenantId().isEmpty() ? null : settings.tenantId();
        String serviceUrl = references.find(channel).map(TeamsReference::serviceUrl)
                .or(() -> references.latestInTenant(tenant).map(TeamsReference::serviceUrl))
                .orElse(settings.serviceUrl());
        try {
            ChannelAccount member = clients.forServiceUrl(serviceUrl).getConversations()
                    .getConversationMember(actor.userId(), channel).join();
            return member != null && member.getId() != null ? Answer.MEMBER : Answer.NOT_MEMBER;
        } catch (CompletionException | RestException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RestException rest && rest.response() != null && rest.response().code() == 404) {
                return Answer.NOT_MEMBER;
            }
            LOG.warn("Teams roster lookup failed: {}", cause instanceof RestException rest && rest.response() != null
                    ? "http_" + rest.response().code() : cause.getClass().getSimpleName());
            return Answer.UNKNOWN;
        }
    }
}
