package org.sga.slack;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's {@code tokens_revoked} (for the bot's token) and {@code app_uninstalled}: the bot can no longer use Slack,
 * which is loud in the log and in health, since every notice now waits in the outbox.
 */
record AccessLost(ApiCalls apiCalls) {

    private static final Logger LOG = LoggerFactory.getLogger(AccessLost.class);

    Response tokensRevoked(EventsApiPayload<TokensRevokedEvent> payload, EventContext ctx) {
        TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
        // Revoked user tokens leave the bot's own token working; only the bot's matters here.
        if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
            lost("tokens_revoked");
        }
        return ctx.ack();
    }

    Response uninstalled(EventsApiPayload<AppUninstalledEvent> payload, EventContext ctx) {
        lost("app_uninstalled");
        return ctx.ack();
    }

    private void lost(String event) {
        LOG.error("Slack sent {}: the bot's token no longer works, so nothing can be posted or read in Slack and every "
                + "escalation notice waits in the outbox. Reinstall the app and set the new SLACK_BOT_TOKEN.", event);
        try {
            apiCalls.accessLost(event);
        } catch (RuntimeException e) {
            LOG.debug("API call listener failed: {}", e.getClass().getSimpleName());
        }
    }
}
