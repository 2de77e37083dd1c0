package org.sga.teams;

import com.microsoft.bot.builder.BotFrameworkAdapter;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import java.util.concurrent.CompletableFuture;

/** The SDK's adapter with every connector client taken from {@link ConnectorClients} (own token, no SDK retries). */
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

    @Override
    protected CompletableFuture<AppCredentials> buildAppCredentials(String appId, String scope) {
        return CompletableFuture.completedFuture(clients.credentials());
    }
}
