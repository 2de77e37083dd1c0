package org.sga.core.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;

/**
 * A scripted conversation with the core: {@code flow.send("report a concern").assertReply(r -> ...).send("no")}.
 * Each message is handled as a platform would hand it over, and each assertion looks at the reply to the last one.
 * By default one user writes in their direct chat; {@link #as} and {@link #inChannel} change who writes and where.
 */
public final class TestFlow {

    private static final Pattern REFERENCE = Pattern.compile("Reference (SG-[A-Z0-9-]+)");

    private final Conversation bot;
    private final String platform;
    private String userId;
    private String channel;
    private Reply last;

    private TestFlow(Conversation bot, String platform, String userId) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.platform = platform;
        this.userId = userId;
    }

    /** A flow with {@code userId} writing to the bot in a direct chat on {@code platform}. */
    public static TestFlow with(Conversation bot, String platform, String userId) {
        return new TestFlow(bot, platform, userId);
    }

    /** From now on {@code userId} writes, in their own direct chat. */
    public TestFlow as(String userId) {
        this.userId = userId;
        this.channel = null;
        return this;
    }

    /** From now on the user writes in a channel that others read. */
    public TestFlow inChannel(String channelId) {
        this.channel = channelId;
        return this;
    }

    public TestFlow send(String text) {
        InboundMessage message = channel == null
                ? InboundMessage.direct(platform, userId, text)
                : new InboundMessage(platform, channel, userId, text, false, true);
        last = Objects.requireNonNull(bot.handle(message), "the bot gave no reply");
        return this;
    }

    /** Checks the reply to the last message sent. */
    public TestFlow assertReply(Consumer<Reply> check) {
        check.accept(reply());
        return this;
    }

    /** The reply to the last message sent contains every one of {@code texts}. */
    public TestFlow assertReplyContains(String... texts) {
        assertThat(reply().text()).contains(texts);
        return this;
    }

    public TestFlow assertKind(Reply.Kind kind) {
        assertThat(reply().kind()).as("kind of the reply to the last message").isEqualTo(kind);
        return this;
    }

    /** The reply to the last message sent. */
    public Reply reply() {
        if (last == null) {
            throw new AssertionError("nothing was sent yet");
        }
        return last;
    }

    /** The escalation reference the last reply gives. */
    public String reference() {
        Matcher m = REFERENCE.matcher(reply().text());
        if (!m.find()) {
            throw new AssertionError("the reply gives no reference: " + reply().kind());
        }
        return m.group(1);
    }
}
