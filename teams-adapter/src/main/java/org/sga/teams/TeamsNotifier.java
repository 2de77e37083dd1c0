package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.restclient.RestException;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.Platform;
import org.sga.core.escalation.RecentDeliveries;

/**
 * Posts outbox rows to Teams. A role's notice starts a new conversation in the role's channel
 * ({@code channelTarget}, a {@code 19:…} channel id) with an Acknowledge button; a row for the reporter goes into their
 * personal chat ({@code channelTarget} is its conversation id). Failures the connector may get over (429 with its
 * Retry-After, 5xx, timeouts) are retryable, so the outbox tries again; so is a refused token (the connector's 401,
 * the token endpoint refusing the app's credentials), an outage of the whole bot that an administrator must fix, not
 * a reason to give a notice up. The others are permanent.
 */
public final class TeamsNotifier implements Notifier {

    /** The role of rows addressed to the member of staff who raised the concern. */
    public static final String REPORTER = "reporter";
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(30);

    private final TeamsSettings settings;
    private final ConnectorClients clients;
    private final ConversationReferences references;
    private final CardMemory cards;
    private final AccessTokens tokens;
    /** Teams has no idempotency key of its own: a row handed over again after a lost receipt is answered here. */
    private final RecentDeliveries delivered = new RecentDeliveries();

    TeamsNotifier(TeamsSettings settings, ConnectorClients clients, ConversationReferences references, CardMemory cards,
                  AccessTokens tokens) {
        this.settings = settings;
        this.clients = clients;
        this.references = references;
        this.cards = cards;
        this.tokens = tokens;
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        Optional<DeliveryReceipt> earlier = delivered.earlier(message.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DeliveryReceipt receipt = post(message.row());
        delivered.remember(message.idempotencyKey(), receipt);
        return receipt;
    }

    private DeliveryReceipt post(OutboxRow row) throws DeliveryException {
        if (!Platform.TEAMS.id().equals(row.platform())) {
            throw DeliveryException.permanent("teams_wrong_platform");
        }
        TeamsReference reference = references.find(row.channelTarget()).orElse(null);
        String tenant = reference != null && reference.tenantId() != null ? reference.tenantId() : blankToNull(settings.tenantId());
        String serviceUrl = reference != null ? reference.serviceUrl()
                : references.latestInTenant(tenant).map(TeamsReference::serviceUrl).orElse(settings.serviceUrl());
        ConnectorClient client = clients.forServiceUrl(serviceUrl);
        try {
            if (REPORTER.equals(row.role())) {
                Activity activity = MessageFactory.attachment(Cards.attachment(Cards.notice(row.payload())));
                ResourceResponse sent = client.getConversations().sendToConversation(row.channelTarget(), activity).join();
                return new DeliveryReceipt(sent == null || sent.getId() == null ? row.channelTarget() : sent.getId());
            }
            JsonNode card = Cards.escalation(row.escalationRef(), row.role(), row.payload());
            ConversationParameters parameters = new ConversationParameters();
            parameters.setIsGroup(true);
            if (!settings.appId().isEmpty()) {
                parameters.setBot(new ChannelAccount(settings.appId()));
            }
            parameters.setTenantId(tenant);
            parameters.setChannelData(channelData(row.channelTarget(), tenant));
            parameters.setActivity(MessageFactory.attachment(Cards.attachment(card)));
            ConversationResourceResponse created = client.getConversations().createConversation(parameters).join();
            if (created == null || created.getId() == null) {
                throw DeliveryException.retryable("teams_no_conversation_id");
            }
            cards.remember(created.getId(), created.getActivityId(), card);
            return new DeliveryReceipt(created.getId());
        } catch (CompletionException | RestException e) {
            throw classify(e);
        }
    }

    private DeliveryException classify(RuntimeException e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof RestException rest && rest.response() != null) {
            int status = rest.response().code();
            if (status == 429) {
                return DeliveryException.retryAfter("teams_429", retryAfter(rest.response().headers().get("Retry-After")));
            }
            if (status == 401) {
                // An expired or revoked token: fetch a new one on the next attempt.
                tokens.invalidate();
                return DeliveryException.retryable("teams_401");
            }
            if (status >= 500 || status == 408) {
                return DeliveryException.retryable("teams_" + status);
            }
            return DeliveryException.permanent("teams_" + status);
        }
        // The token endpoint's refusal arrives wrapped (in the SDK's authentication error, in OkHttp's IOException):
        // look for it through the whole chain before taking the wrapper for a broken connection.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof AccessTokens.TokenException token) {
                // 5xx and 429 pass by themselves; 400, 401 and 403 (a wrong or expired secret, a deleted app) need
                // an administrator, and every notice would fail alike until then: wait, do not give up.
                return DeliveryException.retryable("teams_token_" + token.status());
            }
        }
        // Time-outs and broken connections reach here as IOExceptions, possibly wrapped by OkHttp or the token fetch.
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException) {
                return DeliveryException.retryable("teams_timeout");
            }
            if (t instanceof IOException || t instanceof AuthenticationException) {
                return DeliveryException.retryable("teams_io");
            }
        }
        return DeliveryException.retryable("teams_" + cause.getClass().getSimpleName());
    }

    static Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return DEFAULT_WAIT;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return Duration.ofSeconds(Math.max(1, Math.min(seconds, 3_600)));
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(java.time.Instant.now(),
                        java.time.ZonedDateTime.parse(header.strip(), java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ofSeconds(1) : until;
            } catch (DateTimeParseException ignored) {
                return DEFAULT_WAIT;
            }
        }
    }

    private static ObjectNode channelData(String channelId, String tenant) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        data.putObject("channel").put("id", channelId);
        if (tenant != null) {
            data.putObject("tenant").put("id", tenant);
        }
        return data;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
