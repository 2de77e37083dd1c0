package org.sga.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.view.View;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.util.http.SlackHttpClient;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.PrivateChats;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.FirstNotices;
import org.sga.core.escalation.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot: a Bolt {@link App} whose handlers acknowledge at once and do the work on a small pool
 * of threads, translating mentions, direct messages, the slash command and button presses into core messages and
 * core replies into Block Kit. Retried events are answered once ({@link ProcessedEvents}); files are never fetched.
 * When the core says a conversation must continue privately, it goes on in the person's DM with the bot. Acknowledge
 * presses go to the core's {@link Acknowledger}, which alone decides. HTTP mode serves {@link #servlet()} behind
 * {@link #signatureFilter(Clock)}; Socket Mode is {@link #startSocketMode()}.
 */
public final class SlackBot implements AutoCloseable {

    public static final String PLATFORM = "slack";
    public static final String COMMAND = "/safeguarding";

    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    /** How long a backup's notice waits for the link to the first notice before it is posted without one. */
    static final Duration LINK_TIMEOUT = Duration.ofSeconds(3);
    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    private final SlackSettings settings;
    private final Conversation conversation;
    private final ProcessedEvents events;
    private final Acknowledger acknowledger;
    private final FeedbackRecorder feedback;
    private final ChannelMembership channelMembers;
    private final Clock clock;
    private final App app;
    /** For chat.getPermalink only: its call timeout is short, unlike the client that posts. */
    private final Slack links;
    private final ThreadPoolExecutor workers;
    private volatile SocketModeApp socketMode;
    private final ApiCalls apiCalls;

    public SlackBot(SlackSettings settings, Conversation conversation, ProcessedEvents events,
                    Acknowledger acknowledger, FeedbackRecorder feedback, Clock clock) {
        this(settings, conversation, events, acknowledger, feedback, clock, ApiCalls.NONE);
    }

    /** With {@code apiCalls} told the outcome of every Web API call (method and error code), for metrics and health. */
    public SlackBot(SlackSettings settings, Conversation conversation, ProcessedEvents events,
                    Acknowledger acknowledger, FeedbackRecorder feedback, Clock clock, ApiCalls apiCalls) {
        this.apiCalls = Objects.requireNonNull(apiCalls, "apiCalls");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.conversation = Objects.requireNonNull(conversation, "conversation");
        this.events = Objects.requireNonNull(events, "events");
        this.acknowledger = Objects.requireNonNull(acknowledger, "acknowledger");
        this.feedback = Objects.requireNonNull(feedback, "feedback");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.workers = workers(settings.workerThreads());
        this.app = new App(AppConfig.builder()
                .slack(observed(config(settings), apiCalls))
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.httpMode() ? settings.signingSecret() : null)
                // Without a signing secret only Socket Mode runs, and no servlet is handed out (see servlet()).
                .requestVerificationEnabled(settings.httpMode())
                // message.im also delivers edits, deletions and bot messages; they need no answer, only an ack.
                .subtypedMessageEventsAutoAckEnabled(true)
                .build());
        this.links = observed(config(settings, LINK_TIMEOUT), apiCalls);
        this.channelMembers = new SlackChannelMembers(this::client);
        register();
    }

    /** A Slack client whose Web API calls go to {@code apiUrl}. */
    public static Slack slack(SlackSettings settings) {
        return Slack.getInstance(config(settings));
    }

    /** A Slack client whose Web API calls go to {@code apiUrl} and give up, whole, after {@code callTimeout}. */
    public static Slack slack(SlackSettings settings, Duration callTimeout) {
        return Slack.getInstance(config(settings, callTimeout));
    }

    private static SlackConfig config(SlackSettings settings, Duration callTimeout) {
        SlackConfig config = config(settings);
        config.setHttpClientCallTimeoutMillis(Math.toIntExact(callTimeout.toMillis()));
        return config;
    }

    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([A-Za-z0-9_.-]{1,64})\"");
    private static final Pattern NOT_OK = Pattern.compile("\"ok\"\\s*:\\s*false");

    /**
     * A Slack client on {@code config} whose HTTP client reports each Web API call's method and outcome to
     * {@code calls}: {@code http_NNN} for HTTP errors, Slack's error code for {@code ok:false}, {@code timeout} or
     * {@code io_error} when no response came. The error code is read from the response; nothing is logged.
     */
    static Slack observed(SlackConfig config, ApiCalls calls) {
        if (calls == ApiCalls.NONE) {
            return Slack.getInstance(config);
        }
        okhttp3.OkHttpClient http = SlackHttpClient.buildOkHttpClient(config).newBuilder()
                .addInterceptor(chain -> {
                    List<String> path = chain.request().url().pathSegments();
                    String method = path.isEmpty() ? "unknown" : path.getLast();
                    okhttp3.Response response;
                    try {
                        response = chain.proceed(chain.request());
                    } catch (InterruptedIOException e) {
                        report(calls, method, "timeout");
                        throw e;
                    } catch (IOException e) {
                        report(calls, method, "io_error");
                        throw e;
                    }
                    String error = null;
                    if (response.code() >= 400) {
                        error = "http_" + response.code();
                    } else {
                        String body = response.peekBody(64 * 1024).string();
                        if (NOT_OK.matcher(body).find()) {
                            Matcher m = ERROR.matcher(body);
                            error = m.find() ? m.group(1) : "not_ok";
                        }
                    }
                    report(calls, method, error);
                    return response;
                })
                .build();
        return Slack.getInstance(config, new SlackHttpClient(http));
    }

    private static void report(ApiCalls calls, String method, String error) {
        try {
            calls.answered(method, error);
        } catch (RuntimeException e) {
            LOG.debug("API call listener failed: {}", e.getClass().getSimpleName());
        }
    }

    private static SlackConfig config(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiUrl());
        config.setPrettyResponseLoggingEnabled(false);
        return config;
    }

    public App app() {
        return app;
    }

    /** The servlet for {@code /slack/events}, handing known kinds of request to Bolt; mount it behind {@link #signatureFilter(Clock)}. */
    public jakarta.servlet.http.HttpServlet servlet() {
        if (!settings.httpMode()) {
            throw new IllegalStateException("HTTP mode needs SLACK_SIGNING_SECRET");
        }
        return new SlackEventsServlet(app);
    }

    /** Slack's answer, for the core's acknowledgement policy, to "is this person in this channel now?". */
    public ChannelMembership channelMembers() {
        return channelMembers;
    }

    public SignatureFilter signatureFilter(Clock clock) {
        return new SignatureFilter(settings.signingSecret(), clock);
    }

    /** The notifier for escalations, posting with the bot token through the same client; backups get no link. */
    public SlackNotifier notifier() {
        return notifier(FirstNotices.NONE);
    }

    /**
     * The notifier for escalations, posting with the bot token through the same client. A backup's notice links to the
     * role's first notice found in {@code firstNotices}, unless Slack gives no permalink within {@link #LINK_TIMEOUT}.
     */
    public SlackNotifier notifier(FirstNotices firstNotices) {
        return new SlackNotifier(client(), firstNotices, links.methods(settings.botToken()));
    }

    MethodsClient client() {
        return app.slack().methods(settings.botToken());
    }

    /** Connects to Slack over Socket Mode (Java-WebSocket backend); Bolt reconnects when the socket drops. */
    public synchronized void startSocketMode() throws Exception {
        if (!settings.socketMode()) {
            throw new IllegalStateException("Socket Mode needs SLACK_APP_TOKEN");
        }
        if (socketMode == null) {
            socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            LOG.info("Slack Socket Mode started");
        }
    }

    /** Empty without Socket Mode; otherwise whether its WebSocket is open (Bolt reconnects by itself when not). */
    public Optional<Boolean> socketModeConnected() {
        SocketModeApp current = socketMode;
        if (current == null) {
            return settings.socketMode() ? Optional.of(false) : Optional.empty();
        }
        try {
            return Optional.of(current.getClient() != null && current.getClient().verifyConnection());
        } catch (RuntimeException e) {
            return Optional.of(false);
        }
    }

    /** How many pieces of work wait for a thread; for the benchmark and health checks. */
    public int queued() {
        return workers.getQueue().size();
    }

    @Override
    public synchronized void close() {
        if (socketMode != null) {
            try {
                socketMode.close();
            } catch (Exception e) {
                LOG.warn("Closing Socket Mode failed: {}", e.getClass().getSimpleName());
            }
            socketMode = null;
        }
        try {
            // Only its HTTP client: Slack#close would also stop the SDK's thread pools, which all clients share.
            links.getHttpClient().close();
        } catch (Exception e) {
            LOG.warn("Closing the Slack link client failed: {}", e.getClass().getSimpleName());
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(10, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void register() {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent e = payload.getEvent();
            boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
            String thread = e.getThreadTs() != null ? e.getThreadTs() : e.getTs();
            return accepted(payload.getEventId(), () -> onMention(e.getChannel(), e.getUser(), thread, e.getText(), files))
                    ? ctx.ack() : busy();
        });
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent e = payload.getEvent();
            if (!"im".equals(e.getChannelType()) || e.getBotId() != null || e.getUser() == null) {
                return ctx.ack();
            }
            boolean files = e.getFiles() != null && !e.getFiles().isEmpty();
            return accepted(payload.getEventId(), () -> onDirect(e.getChannel(), e.getUser(), e.getThreadTs(), e.getText(), files))
                    ? ctx.ack() : busy();
        });
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent e = payload.getEvent();
            if (!"im".equals(e.getChannelType()) || e.getUser() == null) {
                return ctx.ack();
            }
            return accepted(payload.getEventId(), () -> onDirect(e.getChannel(), e.getUser(), e.getThreadTs(), e.getText(), true))
                    ? ctx.ack() : busy();
        });
        app.event(AppHomeOpenedEvent.class, (payload, ctx) -> {
            AppHomeOpenedEvent e = payload.getEvent();
            if (!"home".equals(e.getTab())) {
                return ctx.ack();
            }
            return accepted(null, () -> publishHome(e.getUser())) ? ctx.ack() : busy();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            TokensRevokedEvent.Tokens tokens = payload.getEvent().getTokens();
            // Revoked user tokens leave the bot's own token working; only the bot's matters here.
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                accessLost("tokens_revoked");
            }
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            accessLost("app_uninstalled");
            return ctx.ack();
        });
        app.command(COMMAND, (req, ctx) -> accepted(null, () -> onCommand(req.getPayload(), ctx)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.ANSWER_IDS, (req, ctx) -> accepted(null, () -> onTriageAnswer(req, ctx)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.CHOICE_IDS, (req, ctx) -> accepted(null, () -> onChoice(req, ctx)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.SEE_ALSO_IDS, (req, ctx) -> accepted(null, () -> onChoice(req, ctx)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.REPORT, (req, ctx) -> accepted(null, () -> startReport(req.getPayload().getUser().getId()))
                ? ctx.ack() : busy());
        app.blockAction(BlockKit.HELPFUL, (req, ctx) -> accepted(null, () -> onFeedback(req, ctx, true)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.NOT_HELPFUL, (req, ctx) -> accepted(null, () -> onFeedback(req, ctx, false)) ? ctx.ack() : busy());
        app.blockAction(BlockKit.ACKNOWLEDGE, (req, ctx) -> accepted(null, () -> onAcknowledge(req, ctx)) ? ctx.ack() : busy());
    }

    /** The bot can no longer use Slack: loud in the log and in health, since every notice now waits in the outbox. */
    private void accessLost(String event) {
        LOG.error("Slack sent {}: the bot's token no longer works, so nothing can be posted or read in Slack and every "
                + "escalation notice waits in the outbox. Reinstall the app and set the new SLACK_BOT_TOKEN.", event);
        try {
            apiCalls.accessLost(event);
        } catch (RuntimeException e) {
            LOG.debug("API call listener failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Hands the work to a worker so the ack goes back at once. Retries are dropped by event id in the worker, where
     * the shared store decides (also across instances); when the queue is full the answer is 503, so Slack retries.
     */
    private boolean accepted(String eventId, Runnable work) {
        try {
            workers.execute(() -> {
                try {
                    if (eventId != null && !firstTime(eventId)) {
                        LOG.debug("Dropped a repeated delivery of event {}", eventId);
                        return;
                    }
                    work.run();
                } catch (RuntimeException e) {
                    LOG.warn("Slack work failed: {}", e.getClass().getSimpleName());
                    LOG.debug("Slack work failed", e);
                }
            });
            return true;
        } catch (RejectedExecutionException e) {
            LOG.warn("Slack work queue is full; asking Slack to retry");
            return false;
        }
    }

    /**
     * Whether this is the first delivery of {@code id}. When the store cannot say (it cannot write), the message is
     * answered anyway: a reply twice is better than silence, and the reply then says the bot cannot record.
     */
    private boolean firstTime(String id) {
        try {
            return events.firstTime(PLATFORM, id);
        } catch (RuntimeException e) {
            LOG.warn("Could not check event {} for repeats ({}); answering it anyway", id, e.getClass().getSimpleName());
            return true;
        }
    }

    private static Response busy() {
        return Response.builder().statusCode(503).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body("{\"error\":\"busy\"}").build();
    }

    private void onMention(String channel, String user, String thread, String rawText, boolean files) {
        if (user == null) {
            return;
        }
        String text = MENTION.matcher(rawText == null ? "" : rawText).replaceAll(" ").strip();
        boolean direct = channel.startsWith("D");
        answer(new InboundMessage(PLATFORM, channel, user, text, files, !direct),
                reply -> post(channel, thread, reply), reply -> post(channel, thread, reply));
    }

    private void onDirect(String channel, String user, String thread, String text, boolean files) {
        answer(new InboundMessage(PLATFORM, channel, user, text, files, false),
                reply -> post(channel, thread, reply), reply -> post(channel, thread, reply));
    }

    /**
     * A slash command's channel may be anyone's, even a DM between two other people, and only its replies are private:
     * it is a shared conversation to the core, so a report typed there continues in the DM with the bot.
     */
    private void onCommand(SlashCommandPayload p, SlashCommandContext ctx) {
        String text = p.getText() == null ? "" : p.getText().strip();
        answer(new InboundMessage(PLATFORM, p.getChannelId(), p.getUserId(), text.isEmpty() ? "help" : text, false, true),
                reply -> respond(ctx, reply), reply -> respond(ctx, reply));
    }

    /**
     * Carries out the core's reply to {@code message}: shown where it was written, or, when the core says the
     * conversation must continue privately, the same message asked again from the person's DM with the bot and the
     * core's short note shown where it was written ({@code showMoved}; nothing when that already is the DM).
     */
    private void answer(InboundMessage message, Consumer<Reply> showHere, Consumer<Reply> showMoved) {
        Reply reply = ask(message);
        if (reply.kind() != Reply.Kind.CONTINUE_PRIVATELY) {
            showHere.accept(reply);
            return;
        }
        String dm = openDm(message.userId());
        if (dm == null) {
            showHere.accept(PrivateChats.noPrivateChat());
            return;
        }
        if (!dm.equals(message.conversationId())) {
            showMoved.accept(reply);
        }
        post(dm, null, ask(new InboundMessage(PLATFORM, dm, message.userId(), message.text(), message.hasFiles(), false)));
    }

    private void respond(SlashCommandContext ctx, Reply reply) {
        try {
            ctx.respond(SlashCommandResponse.builder().responseType("ephemeral").text(BlockKit.fallback(reply))
                    .blocks(BlockKit.render(reply)).build());
        } catch (Exception e) {
            LOG.warn("Could not answer the slash command: {}", e.getClass().getSimpleName());
        }
    }

    /** The App Home's Report a concern: the home tab is the person's own, so the report starts in their DM at once. */
    private void startReport(String user) {
        String dm = openDm(user);
        if (dm != null) {
            post(dm, null, ask(new InboundMessage(PLATFORM, dm, user, BlockKit.REPORT_CHOICE, false, false)));
        }
    }

    private void onTriageAnswer(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        BlockActionPayload.Action action = p.getActions().getFirst();
        String channel = p.getChannel().getId();
        String messageTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        // A question is answered once: two quick clicks (or two instances) cannot answer the next question too.
        if (messageTs != null && !firstTime("answer:" + channel + ":" + messageTs)) {
            return;
        }
        String label = action.getText() == null ? action.getValue() : action.getText().getText();
        List<LayoutBlock> original = p.getMessage() == null ? null : p.getMessage().getBlocks();
        replaceClicked(p, ctx, BlockKit.answered(original, label), "You answered: " + BlockKit.escape(label));
        answer(new InboundMessage(PLATFORM, channel, p.getUser().getId(), action.getValue(), false, !channel.startsWith("D")),
                reply -> reply(p, ctx, reply), reply -> respondEphemeral(ctx, BlockKit.escape(reply.text())));
    }

    private void onChoice(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String value = p.getActions().getFirst().getValue();
        String channel = p.getChannel().getId();
        answer(new InboundMessage(PLATFORM, channel, p.getUser().getId(), value, false, !channel.startsWith("D")),
                reply -> reply(p, ctx, reply), reply -> respondEphemeral(ctx, BlockKit.escape(reply.text())));
    }

    private void onFeedback(BlockActionRequest req, ActionContext ctx, boolean helpful) {
        BlockActionPayload p = req.getPayload();
        String[] parts = p.getActions().getFirst().getValue().split("\\|", 2);
        String messageTs = p.getContainer() == null ? "" : p.getContainer().getMessageTs();
        try {
            if (firstTime("feedback:" + p.getUser().getId() + ":" + messageTs)) {
                feedback.record(new FeedbackRecorder.Feedback(PLATFORM, parts[0], parts.length > 1 ? parts[1] : null, helpful));
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not record answer feedback: {}", e.getClass().getSimpleName());
        }
        respondEphemeral(ctx, "Thank you: your feedback goes to the people who maintain the procedures.");
    }

    /**
     * An Acknowledge press. The button names its escalation and role; the message it is on ({@code channel:ts}, as the
     * notifier recorded the delivery) lets the core check that the two belong together. The core decides; this only
     * shows the outcome: the notice updated for everyone, or a refusal for the presser alone.
     */
    private void onAcknowledge(BlockActionRequest req, ActionContext ctx) {
        BlockActionPayload p = req.getPayload();
        String[] parts = p.getActions().getFirst().getValue().split("\\|", 2);
        String channel = p.getChannel().getId();
        String user = p.getUser().getId();
        String messageTs = p.getContainer() == null ? null : p.getContainer().getMessageTs();
        if (parts.length < 2 || messageTs == null) {
            respondEphemeral(ctx, BlockKit.escape(AcknowledgementOutcome.REFUSAL));
            return;
        }
        AcknowledgementOutcome outcome;
        try {
            outcome = acknowledger.acknowledge(AcknowledgeRequest.button(parts[0], parts[1], new Actor(Platform.SLACK, user),
                    channel + ":" + messageTs));
        } catch (RuntimeException e) {
            LOG.warn("Acknowledging failed: {}", e.getClass().getSimpleName());
            respondEphemeral(ctx, BlockKit.escape(Reply.FAULT_URGENT + " " + Reply.FAULT));
            return;
        }
        if (outcome.refused()) {
            respondEphemeral(ctx, BlockKit.escape(outcome.text()));
            return;
        }
        String by = outcome.acknowledgement().userId();
        long at = outcome.acknowledgement().at().getEpochSecond();
        List<LayoutBlock> original = p.getMessage() == null ? null : p.getMessage().getBlocks();
        replaceClicked(p, ctx, BlockKit.acknowledged(original, by, at), "Acknowledged");
        if (outcome.status() == AcknowledgementOutcome.Status.ALREADY_ACKNOWLEDGED) {
            respondEphemeral(ctx, "Already acknowledged by " + BlockKit.acknowledgedLine(by, at) + ".");
        }
        LOG.info("Escalation {} acknowledged for {} ({})", outcome.reference(), outcome.role().id(), outcome.status());
    }

    private void publishHome(String user) {
        try {
            var r = client().viewsPublish(q -> q.userId(user).view(View.builder().type("home").blocks(BlockKit.home()).build()));
            if (!r.isOk()) {
                LOG.warn("views.publish failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.warn("views.publish failed: {}", e.getClass().getSimpleName());
        }
    }

    /** The core's reply; when the core fails (a store that cannot write), the person is told so, with the phone fallback. */
    private Reply ask(InboundMessage message) {
        try {
            Reply reply = conversation.handle(message);
            LOG.debug("Answered a {} message with {}", message.sharedChannel() ? "channel" : "direct", reply.kind());
            return reply;
        } catch (RuntimeException e) {
            LOG.warn("The core failed to answer: {}", e.getClass().getSimpleName());
            LOG.debug("The core failed to answer", e);
            return Reply.fault();
        }
    }

    /** Posts a reply as a new message; logs only the error code when Slack refuses. */
    private void post(String channel, String thread, Reply reply) {
        try {
            ChatPostMessageResponse r = client().chatPostMessage(q -> q.channel(channel).threadTs(thread)
                    .text(BlockKit.fallback(reply)).blocks(BlockKit.render(reply)).unfurlLinks(false).unfurlMedia(false));
            if (!r.isOk()) {
                LOG.warn("chat.postMessage failed: {}", r.getError());
            }
        } catch (Exception e) {
            LOG.warn("chat.postMessage failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Answers a button press where it happened: privately under an ephemeral message, in the thread otherwise. */
    private void reply(BlockActionPayload p, ActionContext ctx, Reply reply) {
        if (p.getContainer() != null && p.getContainer().isEphemeral()) {
            try {
                ctx.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                        .text(BlockKit.fallback(reply)).blocks(BlockKit.render(reply)).build());
            } catch (Exception e) {
                LOG.warn("response_url failed: {}", e.getClass().getSimpleName());
            }
            return;
        }
        String thread = p.getMessage() == null ? null : p.getMessage().getThreadTs();
        post(p.getChannel().getId(), thread, reply);
    }

    /** Replaces the clicked message: chat.update for a normal message, the response URL for an ephemeral one. */
    private void replaceClicked(BlockActionPayload p, ActionContext ctx, List<LayoutBlock> blocks, String text) {
        try {
            if (p.getContainer() != null && !p.getContainer().isEphemeral() && p.getContainer().getMessageTs() != null) {
                var r = client().chatUpdate(q -> q.channel(p.getChannel().getId()).ts(p.getContainer().getMessageTs())
                        .text(text).blocks(blocks));
                if (!r.isOk()) {
                    LOG.warn("chat.update failed: {}", r.getError());
                }
            } else {
                ctx.respond(ActionResponse.builder().replaceOriginal(true).text(text).blocks(blocks).build());
            }
        } catch (Exception e) {
            LOG.warn("Updating the clicked message failed: {}", e.getClass().getSimpleName());
        }
    }

    /** A line for the presser alone, as mrkdwn: escape anything not built here ({@link BlockKit#escape}). */
    private void respondEphemeral(ActionContext ctx, String mrkdwn) {
        try {
            ctx.respond(ActionResponse.builder().responseType("ephemeral").replaceOriginal(false)
                    .text(mrkdwn).build());
        } catch (Exception e) {
            LOG.warn("response_url failed: {}", e.getClass().getSimpleName());
        }
    }

    private String openDm(String user) {
        try {
            ConversationsOpenResponse r = client().conversationsOpen(q -> q.users(List.of(user)));
            if (r.isOk() && r.getChannel() != null) {
                return r.getChannel().getId();
            }
            LOG.warn("conversations.open failed: {}", r.getError());
        } catch (Exception e) {
            LOG.warn("conversations.open failed: {}", e.getClass().getSimpleName());
        }
        return null;
    }

    private static ThreadPoolExecutor workers(int configured) {
        AtomicInteger n = new AtomicInteger();
        // One thread per core by default: the work is mostly CPU (search, JSON), and more threads only compete with the
        // request threads that must ack within 3 s (SlackLoadBench measures ack latency against the worker count).
        // Raise it (SLACK_WORKER_THREADS) when Web API calls are slow.
        int threads = configured > 0 ? configured : Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(2_000), r -> {
                    Thread t = new Thread(r, "slack-worker-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    Instant now() {
        return clock.instant();
    }
}
