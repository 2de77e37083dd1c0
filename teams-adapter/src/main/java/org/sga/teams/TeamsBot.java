package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.Mention;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.Serialization;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.PrivateChats;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of the Teams conversation: translates an authenticated activity into an {@link InboundMessage}, the core's
 * {@link Reply} into a card, and button clicks (Action.Submit) into the next message, a feedback vote or an
 * acknowledgement. When the core says a conversation must continue privately, it goes on in the person's personal
 * chat with the bot, created if need be. No decision about safeguarding is taken here.
 */
final class TeamsBot implements Bot {

    static final String CARD_SOURCE = "teams-card";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final Teams.Collaborators app;
    private final CardMemory cards;
    private final ConnectorClients clients;
    /** References already stored by this instance, so a chatty user does not cost a write per message. */
    private final Map<String, TeamsReference> saved = new ConcurrentHashMap<>();

    /** With the application's side of the conversation ({@code app}), the cards this adapter sent, and its clients. */
    TeamsBot(Teams.Collaborators app, CardMemory cards, ConnectorClients clients) {
        this.app = app;
        this.cards = cards;
        this.clients = clients;
    }

    @Override
    public CompletableFuture<Void> onTurn(TurnContext turn) {
        Activity activity = turn.getActivity();
        try {
            if (activity.isType(ActivityTypes.MESSAGE)) {
                if (activity.getValue() != null) {
                    onSubmit(turn, activity);
                } else {
                    onText(turn, activity);
                }
            }
        } finally {
            // After the reply, so the write is not on the way to it; also when the turn failed half-way.
            remember(activity);
        }
        return CompletableFuture.completedFuture(null);
    }

    private void onText(TurnContext turn, Activity activity) {
        boolean personal = isPersonal(activity);
        if (!personal && !mentionsBot(activity)) {
            return;
        }
        String text = Objects.requireNonNullElse(activity.removeRecipientMention(), "").strip();
        InboundMessage message = new InboundMessage(Platform.TEAMS.id(), activity.getConversation().getId(),
                activity.getFrom().getId(), text, hasFiles(activity.getAttachments()), !personal);
        answer(turn, activity, message);
    }

    private void onSubmit(TurnContext turn, Activity activity) {
        JsonNode data = Serialization.objectToTree(activity.getValue());
        String kind = data.path(Cards.KIND).asText("");
        String conversationId = activity.getConversation().getId();
        String cardId = activity.getReplyToId();
        switch (kind) {
            case Cards.CHOICE -> {
                if (!firstClick(conversationId, cardId)) {
                    return;
                }
                String label = data.path("label").asText(data.path("value").asText(""));
                close(turn, conversationId, cardId, "You chose: " + label);
                answer(turn, activity, new InboundMessage(Platform.TEAMS.id(), conversationId, activity.getFrom().getId(),
                        data.path("value").asText(""), false, !isPersonal(activity)));
            }
            case Cards.FEEDBACK -> {
                if (!firstClick(conversationId, cardId)) {
                    return;
                }
                boolean helpful = data.path("helpful").asBoolean(false);
                app.feedback().record(new Feedback.Vote(conversationId, activity.getFrom().getId(),
                        data.path("section").asText(""), data.path("version").asText(""), helpful));
                close(turn, conversationId, cardId, helpful ? "Thank you: marked as helpful." : "Thank you: marked as not helpful.");
            }
            case Cards.ACK -> acknowledge(turn, activity, data, conversationId, cardId);
            default -> LOG.debug("Ignored a submit of unknown kind");
        }
    }

    /**
     * An Acknowledge click. The card names its escalation and role; the conversation the card was posted as (the
     * notice's thread, as the notifier recorded the delivery) lets the core check that they belong together. The core
     * decides; a refusal goes to the clicker's personal chat, not the channel.
     */
    private void acknowledge(TurnContext turn, Activity activity, JsonNode data, String conversationId, String cardId) {
        ChannelAccount from = activity.getFrom();
        AcknowledgementOutcome outcome;
        try {
            outcome = app.acknowledger().acknowledge(AcknowledgeRequest.button(data.path("ref").asText(""),
                    data.path("role").asText(""), new Actor(Platform.TEAMS, from.getId(), from.getAadObjectId()),
                    conversationId));
        } catch (RuntimeException e) {
            LOG.warn("Acknowledging failed: {}", e.getClass().getSimpleName());
            tellPrivately(turn, activity, Cards.reply(Reply.fault()));
            return;
        }
        if (outcome.refused()) {
            tellPrivately(turn, activity, Cards.notice(outcome.text()));
            return;
        }
        String by = outcome.accepted() && from.getName() != null && !from.getName().isBlank()
                ? from.getName() : outcome.acknowledgement().userId();
        close(turn, conversationId, cardId, "Acknowledged by " + by + " at " + TIME.format(outcome.acknowledgement().at()) + ".");
    }

    /**
     * Carries out the core's reply: in this conversation, or, when the core says the conversation must continue
     * privately, the same message asked again from the person's personal chat, with the core's short note left here.
     */
    private void answer(TurnContext turn, Activity activity, InboundMessage message) {
        Reply reply = ask(message);
        if (reply.kind() != Reply.Kind.CONTINUE_PRIVATELY) {
            send(turn, Cards.reply(reply));
            return;
        }
        String chat = privateChat(activity);
        if (chat == null) {
            send(turn, Cards.reply(PrivateChats.noPrivateChat()));
            return;
        }
        if (!chat.equals(message.conversationId())) {
            send(turn, Cards.reply(reply));
        }
        sendTo(activity.getServiceUrl(), chat, Cards.reply(ask(new InboundMessage(Platform.TEAMS.id(), chat,
                message.userId(), message.text(), message.hasFiles(), false))));
    }

    private Reply ask(InboundMessage message) {
        try {
            return app.conversation().handle(message);
        } catch (RuntimeException e) {
            // A store that cannot write lands here: the person is told, with the phone fallback.
            LOG.warn("The core failed on a Teams message ({})", e.getClass().getSimpleName());
            LOG.debug("The core failed on a Teams message", e);
            return Reply.fault();
        }
    }

    /** To the person alone: their personal chat with the bot, or here when Teams will not open one. */
    private void tellPrivately(TurnContext turn, Activity activity, JsonNode card) {
        String chat = privateChat(activity);
        if (chat == null || chat.equals(activity.getConversation().getId())) {
            send(turn, card);
        } else {
            sendTo(activity.getServiceUrl(), chat, card);
        }
    }

    /**
     * The sender's personal chat with the bot: this conversation when it is one, otherwise created (Teams returns the
     * existing one) through the connector the activity came from; null when Teams would not. Remembered, so later
     * notices to the reporter reach it.
     */
    private String privateChat(Activity activity) {
        if (isPersonal(activity)) {
            return activity.getConversation().getId();
        }
        String tenant = tenant(activity);
        ConversationParameters parameters = new ConversationParameters();
        parameters.setIsGroup(false);
        parameters.setBot(activity.getRecipient());
        parameters.setMembers(List.of(new ChannelAccount(activity.getFrom().getId())));
        parameters.setTenantId(tenant);
        if (tenant != null) {
            // A JSON node: the SDK's validator reflects into plain maps and fails on the JDK's immutable ones.
            com.fasterxml.jackson.databind.node.ObjectNode channelData =
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            channelData.putObject("tenant").put("id", tenant);
            parameters.setChannelData(channelData);
        }
        try {
            ConversationResourceResponse created = clients.forServiceUrl(activity.getServiceUrl()).getConversations()
                    .createConversation(parameters).join();
            if (created == null || created.getId() == null || created.getId().isBlank() || created.getId().length() > 255) {
                LOG.warn("Teams opened no personal chat");
                return null;
            }
            save(new TeamsReference(created.getId(), activity.getServiceUrl(), tenant, "personal", null));
            return created.getId();
        } catch (RuntimeException e) {
            LOG.warn("Could not open a personal chat ({})", e.getClass().getSimpleName());
            return null;
        }
    }

    /** Posts a card into another conversation than the turn's, e.g. the personal chat a report moved to. */
    private void sendTo(String serviceUrl, String conversationId, JsonNode card) {
        try {
            ResourceResponse sent = clients.forServiceUrl(serviceUrl).getConversations()
                    .sendToConversation(conversationId, MessageFactory.attachment(Cards.attachment(card))).join();
            if (sent != null && Cards.hasActions(card)) {
                cards.remember(conversationId, sent.getId(), card);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not post into the personal chat ({})", e.getClass().getSimpleName());
        }
    }

    private void send(TurnContext turn, JsonNode card) {
        ResourceResponse sent = turn.sendActivity(MessageFactory.attachment(Cards.attachment(card))).join();
        if (sent != null && Cards.hasActions(card)) {
            cards.remember(turn.getActivity().getConversation().getId(), sent.getId(), card);
        }
    }

    /** Shows the clicked card again without buttons and with what was chosen. */
    private void close(TurnContext turn, String conversationId, String cardId, String line) {
        if (cardId == null) {
            return;
        }
        JsonNode original = cards.recall(conversationId, cardId).orElse(null);
        Activity update = MessageFactory.attachment(Cards.attachment(Cards.answered(original, line)));
        update.setId(cardId);
        turn.updateActivity(update).join();
    }

    /** A card answers once: a second click (double click, or a click from another device) is ignored. */
    private boolean firstClick(String conversationId, String cardId) {
        try {
            return cardId == null || app.processedEvents().firstTime(CARD_SOURCE, EventIds.of(conversationId, cardId));
        } catch (RuntimeException e) {
            // The store cannot say; answering twice is better than not at all (the answer then says what failed).
            LOG.warn("Could not check a click for repeats ({})", e.getClass().getSimpleName());
            return true;
        }
    }

    private void remember(Activity activity) {
        if (activity.getConversation() == null || activity.getServiceUrl() == null) {
            return;
        }
        TeamsChannelData channelData = channelData(activity);
        String tenant = tenant(activity);
        String type = Objects.requireNonNullElse(activity.getConversation().getConversationType(), "personal");
        String conversationId = activity.getConversation().getId();
        String teamId = channelData != null && channelData.getTeam() != null ? channelData.getTeam().getId() : null;
        // A channel message's conversation id names its thread; the channel itself is what escalations target.
        int thread = conversationId.indexOf(";messageid=");
        String target = thread >= 0 ? conversationId.substring(0, thread) : conversationId;
        if (target.length() > 255) {
            return;
        }
        save(new TeamsReference(target, activity.getServiceUrl(), tenant, type, teamId));
        if (teamId != null && !teamId.equals(target) && teamId.length() <= 255) {
            save(new TeamsReference(teamId, activity.getServiceUrl(), tenant, "team", teamId));
        }
    }

    private void save(TeamsReference reference) {
        if (reference.equals(saved.get(reference.conversationId()))) {
            return;
        }
        try {
            app.references().save(reference);
            saved.put(reference.conversationId(), reference);
        } catch (RuntimeException e) {
            LOG.warn("Could not store a Teams conversation reference ({})", e.getClass().getSimpleName());
        }
    }

    private static String tenant(Activity activity) {
        String tenant = activity.getConversation().getTenantId();
        TeamsChannelData channelData = channelData(activity);
        if (tenant == null && channelData != null && channelData.getTenant() != null) {
            tenant = channelData.getTenant().getId();
        }
        return tenant;
    }

    private static TeamsChannelData channelData(Activity activity) {
        if (activity.getChannelData() == null) {
            return null;
        }
        try {
            return activity.getChannelData(TeamsChannelData.class);
        } catch (Exception e) {
            return null;
        }
    }

    static boolean isPersonal(Activity activity) {
        String type = activity.getConversation().getConversationType();
        return type == null || type.equals("personal");
    }

    private static boolean mentionsBot(Activity activity) {
        String bot = activity.getRecipient() == null ? null : activity.getRecipient().getId();
        List<Mention> mentions = activity.getMentions();
        return bot != null && mentions != null && mentions.stream()
                .anyMatch(m -> m.getMentioned() != null && bot.equals(m.getMentioned().getId()));
    }

    /**
     * True when the user attached anything other than the HTML rendering of their own message, which Teams adds to
     * many messages; an inline (pasted) image shows up in that HTML as an img element. Nothing is downloaded.
     */
    static boolean hasFiles(List<Attachment> attachments) {
        if (attachments == null) {
            return false;
        }
        for (Attachment a : attachments) {
            String type = Objects.requireNonNullElse(a.getContentType(), "");
            if (!type.equalsIgnoreCase("text/html")) {
                return true;
            }
            Object content = a.getContent();
            if (content != null && content.toString().toLowerCase(Locale.ROOT).contains("<img")) {
                return true;
            }
        }
        return false;
    }
}
