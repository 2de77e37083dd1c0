package org.sga.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ResourceResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's adapter with every connector client taken from {@link ConnectorClients} (own token, no SDK retries), and
 * replies sent on the turn's own thread.
 */
final class TeamsBotAdapter extends BotFrameworkAdapter {

    private final ConnectorClients clients;

    TeamsBotAdapter(CredentialProvider credentials, ConnectorClients clients) {
        super(credentials, new AuthenticationConfiguration(), null, null, null);
        this.clients = clients;
    }

    @Override
    protected CompletableFuture<ConnectorClient> getOrCreateConnectorClient(String serviceUrl, AppCredentials ignored) {
        return CompletableFuture.completedFuture(clients.forServiceUrl(serviceUrl));
    }

    /**
     * The SDK sends replies on its JVM-wide pool of two threads per core, the same pool that checks inbound tokens, and
     * blocks a thread there for each connector call: under load, authentication of new requests queues behind replies
     * (TeamsLoadBench measures the response time). The turn already runs on a worker of its own, so send there.
     */
    @Override
    public CompletableFuture<ResourceResponse[]> sendActivities(TurnContext context, List<Activity> activities) {
        try {
            ConnectorClient client = context.getTurnState().get(CONNECTOR_CLIENT_KEY);
            ResourceResponse[] responses = new ResourceResponse[activities.size()];
            for (int i = 0; i < activities.size(); i++) {
                Activity activity = activities.get(i);
                activity.setId(null);
                ResourceResponse response = null;
                if (activity.isType(ActivityTypes.TRACE)) {
                    response = new ResourceResponse("");
                } else if (activity.getReplyToId() != null && !activity.getReplyToId().isEmpty()) {
                    response = client.getConversations().replyToActivity(activity).join();
                } else {
                    response = client.getConversations().sendToConversation(activity).join();
                }
                responses[i] = response == null ? new ResourceResponse("") : response;
            }
            return CompletableFuture.completedFuture(responses);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(clients.credentials());
    }
}
