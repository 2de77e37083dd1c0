package org.sga.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.List;
import java.util.Optional;
import org.sga.core.conversation.Reply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The Web API calls the handlers make with the bot token. A refusal or failure is logged by its code only, never thrown. */
record WebApi(MethodsClient client) {

    private static final Logger LOG = LoggerFactory.getLogger(WebApi.class);

    /** Posts a reply as a new message, in {@code thread} when not null. */
    void post(String channel, String thread, Reply reply) {
        try {
            ChatPostMessageResponse r = client.chatPostMessage(q -> q.channel(channel).threadTs(thread)
                    .text(BlockKit.fallback(reply)).blocks(BlockKit.render(reply)).unfurlLinks(false).unfurlMedia(false));
            if (!r.isOk()) {
                LOG.warn("chat.postMessage failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.warn("chat.postMessage failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Replaces the message {@code ts} in {@code channel}. */
    void update(String channel, String ts, String text, List<LayoutBlock> blocks) {
        try {
            ChatUpdateResponse r = client.chatUpdate(q -> q.channel(channel).ts(ts).text(text).blocks(blocks));
            if (!r.isOk()) {
                LOG.warn("chat.update failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.warn("chat.update failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The id of the person's DM with the bot; empty when Slack does not open it. */
    Optional<String> openDm(String user) {
        try {
            ConversationsOpenResponse r = client.conversationsOpen(q -> q.users(List.of(user)));
            if (r.isOk() && r.getChannel() != null) {
                return Optional.of(r.getChannel().getId());
            }
            LOG.warn("conversations.open failed: {}", r.getError());
        } catch (Exception e) {
            LOG.warn("conversations.open failed: {}", e.getClass().getSimpleName());
        }
        return Optional.empty();
    }

    /** Shows the bot's App Home to {@code user}. */
    void publishHome(String user) {
        try {
            ViewsPublishResponse r = client.viewsPublish(q -> q.userId(user)
                    .view(View.builder().type("home").blocks(BlockKit.home()).build()));
            if (!r.isOk()) {
                LOG.warn("views.publish failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.publish failed: {}", e.getClass().getSimpleName());
        }
    }
}
