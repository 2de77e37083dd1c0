package org.sga.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.MessageFactory;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.ChannelAccount;
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
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One turn of the Teams conversation: translates an authenticated activity into an {@link InboundMessage}, the core's
 * {@link Reply} into a card, and button clicks (Action.Submit) into the next message, a feedback vote or an
 * acknowledgement. No decision about safeguarding is taken here.
 */
final class TeamsBot implements Bot {

    static final String CARD_SOURCE = "teams-card";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsBot.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private final Conversation conversation;
    private final ProcessedEvents processed;
    private final CardMemory cards;
    private final ConversationReferences references;
    private final Acknowledger acknowledger;
    private final Feedback feedback;
    /** References already stored by this instance, so a chatty user does not cost a write per message. */
    private final Map<String, TeamsReference> saved = new ConcurrentHashMap<>();

    TeamsBot(Conversation conversation, ProcessedEvents processed, CardMemory cards, ConversationReferences references,
             Acknowledger acknowledger, Feedback feedback) {
        this.conversation = conversation;
        this.processed = processed;
        this.cards = cards;
        this.references = references;
        this.acknowledger = acknowledger;
        this.feedback = feedback;
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
        answer(turn, message);
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
                answer(turn, new InboundMessage(Platform.TEAMS.id(), conversationId, activity.getFrom().getId(),
                        data.path("value").asText(""), false, !isPersonal(activity)));
            }
            case Cards.FEEDBACK -> {
                if (!firstClick(conversationId, cardId)) {
                    return;
                }
                boolean helpful = data.path("helpful").asBoolean(false);
                feedback.record(new Feedback.Vote(conversationId, activity.getFrom().getId(),
                        data.path("section").asText(""), data.path("version").asText(""), helpful));
                close(turn, conversationId, cardId, helpful ? "Thank you: marked as helpful." : "Thank you: marked as not helpful.");
            }
            case Cards.ACK -> acknowledge(turn, activity, data, conversationId, cardId);
            default -> LOG.debug("Ignored a submit of unknown kind");
        }
    }

    private void acknowledge(TurnContext turn, Activity activity, JsonNode data, String conversationId, String cardId) {
        ChannelAccount from = activity.getFrom();
        AcknowledgeOutcome outcome = acknowledger.acknowledge(data.path("ref").asText(""), data.path("role").asText(""),
                new TeamsUser(from.getId(), from.getAadObjectId(), from.getName()));
        switch (outcome.status()) {
            case NOT_ALLOWED -> send(turn, Cards.notice((from.getName() == null ? "You" : from.getName())
                    + " cannot acknowledge this escalation: only the people configured for this role can. "
                    + "The card stays open for them."));
            case ACKNOWLEDGED, ALREADY_ACKNOWLEDGED -> close(turn, conversationId, cardId,
                    "Acknowledged by " + outcome.by() + " at " + TIME.format(outcome.at()) + ".");
        }
    }

    private void answer(TurnContext turn, InboundMessage message) {
        Reply reply;
        try {
            reply = conversation.handle(message);
        } catch (RuntimeException e) {
            LOG.error("The core failed on a Teams message ({})", e.getClass().getSimpleName(), e);
            reply = Reply.notice("Sorry, something went wrong on my side and I could not answer. Please try again; "
                    + "if a child is in immediate danger, call 999.");
        }
        send(turn, Cards.reply(reply));
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
        return cardId == null || processed.firstTime(CARD_SOURCE, EventIds.of(conversationId, cardId));
    }

    private void remember(Activity activity) {
        if (activity.getConversation() == null || activity.getServiceUrl() == null) {
            return;
        }
        TeamsChannelData channelData = channelData(activity);
        String tenant = activity.getConversation().getTenantId();
        if (tenant == null && channelData != null && channelData.getTenant() != null) {
            tenant = channelData.getTenant().getId();
        }
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
            references.save(reference);
            saved.put(reference.conversationId(), reference);
        } catch (RuntimeException e) {
            LOG.warn("Could not store a Teams conversation reference ({})", e.getClass().getSimpleName());
        }
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
