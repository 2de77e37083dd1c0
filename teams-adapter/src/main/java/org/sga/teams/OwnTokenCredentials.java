package org.sga.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.Authenticator;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The SDK's credentials with the token taken from {@link AccessTokens} instead of MSAL. */
final class OwnTokenCredentials extends AppCredentials {

    private final AccessTokens tokens;

    OwnTokenCredentials(String appId, AccessTokens tokens) {
        super(null, TeamsSettings.SCOPE);
        setAppId(appId);
        this.tokens = tokens;
    }

    @Override
    public CompletableFuture<String> getToken() {
        try {
            return CompletableFuture.completedFuture(tokens.token());
        } catch (IOException e) {
            return CompletableFuture.failedFuture(new AuthenticationException(e));
        }
    }

    @Override
    protected Authenticator buildAuthenticator() {
        throw new UnsupportedOperationException("tokens come from AccessTokens, not MSAL");
    }
}
