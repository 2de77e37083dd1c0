package org.sga.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.methods.MethodsClient;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.socket_mode.SocketModeClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.WorkerPool;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.FirstNotices;
import org.sga.slack.Routes.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Slack side of the bot, assembled: a Bolt {@link App} whose {@link Routes} table hands mentions, direct messages,
 * the slash command and button presses to their handlers, which translate them into core messages and core replies
 * into Block Kit. {@link HandOff} acknowledges at once and runs the handlers on a small pool of threads;
 * {@link RepeatFilter} answers a retried event once. Files are never fetched. HTTP mode serves {@link #servlet()} behind
 * {@link #signatureFilter(Clock)}; Socket Mode is {@link #startSocketMode()}.
 */
public final class SlackBot implements AutoCloseable {

    public static final String PLATFORM = "slack";
    public static final String COMMAND = "/safeguarding";

    private static final Logger LOG = LoggerFactory.getLogger(SlackBot.class);
    /** How long a backup's notice waits for the link to the first notice before it is posted without one. */
    static final Duration LINK_TIMEOUT = Duration.ofSeconds(3);
    private static final int QUEUE_CAPACITY = 2_000;

    private final SlackSettings settings;
    private final App app;
    private final MethodsClient client;
    /** For chat.getPermalink only: its call timeout is short, unlike the client that posts. */
    private final Slack links;
    private final WorkerPool workers;
    private final ChannelMembership channelMembers;
    private volatile SocketModeApp socketMode;

    public SlackBot(SlackSettings settings, Conversation conversation, ProcessedEvents events,
                    Acknowledger acknowledger, FeedbackRecorder feedback) {
        this(settings, conversation, events, acknowledger, feedback, ApiCalls.NONE);
    }

    /** With {@code apiCalls} told the outcome of every Web API call (method and error code), for metrics and health. */
    public SlackBot(SlackSettings settings, Conversation conversation, ProcessedEvents events,
                    Acknowledger acknowledger, FeedbackRecorder feedback, ApiCalls apiCalls) {
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(acknowledger, "acknowledger");
        Objects.requireNonNull(feedback, "feedback");
        Objects.requireNonNull(apiCalls, "apiCalls");
        Slack slack = SlackClients.slack(settings, apiCalls);
        this.client = slack.methods(settings.botToken());
        this.links = SlackClients.slack(settings, LINK_TIMEOUT, apiCalls);
        this.channelMembers = new SlackChannelMembers(() -> client);
        this.workers = new WorkerPool("slack-worker", workerThreads(settings.workerThreads()), QUEUE_CAPACITY);

        WebApi web = new WebApi(client);
        FirstTimes firstTimes = new FirstTimes(events);
        Answering answering = new Answering(conversation, web);
        ButtonReplies buttons = new ButtonReplies(web);
        Choices choices = new Choices(answering, buttons);
        DirectMessages direct = new DirectMessages(answering);
        AccessLost accessLost = new AccessLost(apiCalls);
        Routes routes = new Routes()
                .event(AppMentionEvent.class, Run.WORKER_ONCE, new Mentions(answering))
                .event(MessageEvent.class, Run.WORKER_ONCE, direct::message)
                .event(MessageFileShareEvent.class, Run.WORKER_ONCE, direct::fileShare)
                .event(AppHomeOpenedEvent.class, Run.WORKER, new HomeTab(web))
                .event(TokensRevokedEvent.class, Run.INLINE, accessLost::tokensRevoked)
                .event(AppUninstalledEvent.class, Run.INLINE, accessLost::uninstalled)
                .command(COMMAND, new SlashCommand(answering))
                .action(BlockKit.ANSWER_IDS, new TriageAnswers(choices, buttons, firstTimes))
                .action(BlockKit.CHOICE_IDS, choices)
                .action(BlockKit.SEE_ALSO_IDS, choices)
                .action(BlockKit.REPORT, new ReportButton(answering))
                .action(BlockKit.HELPFUL, new FeedbackButtons(true, feedback, firstTimes, buttons))
                .action(BlockKit.NOT_HELPFUL, new FeedbackButtons(false, feedback, firstTimes, buttons))
                .action(BlockKit.ACKNOWLEDGE, new AcknowledgeButton(acknowledger, buttons));

        this.app = app(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken())
                .signingSecret(settings.httpMode() ? settings.signingSecret() : null)
                // Without a signing secret only Socket Mode runs, and no servlet is handed out (see servlet()).
                .requestVerificationEnabled(settings.httpMode())
                // message.im also delivers edits, deletions and bot messages; they need no answer, only an ack.
                .subtypedMessageEventsAutoAckEnabled(true)
                .build(),
                // In this order: the store is asked on the worker, and only about events the queue took.
                new HandOff(workers, routes::onWorker), new RepeatFilter(firstTimes, routes::once));
        routes.register(app);
    }

    /**
     * A Bolt app with {@code middleware} run after Bolt's own (request verification, authorization, ignoring the bot's
     * own events). Bolt builds its list when the app starts, so the first {@code auth.test} waits for the first request
     * and a Slack that cannot be reached does not stop the bot from starting.
     */
    static App app(AppConfig config, Middleware... middleware) {
        return new App(config) {
            @Override
            protected List<Middleware> buildDefaultMiddlewareList(AppConfig appConfig) {
                List<Middleware> all = new ArrayList<>(super.buildDefaultMiddlewareList(appConfig));
                all.addAll(List.of(middleware));
                return all;
            }
        };
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
        return new SlackNotifier(client, firstNotices, links.methods(settings.botToken()));
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
        workers.close();
    }

    /**
     * One thread per core by default: the work is mostly CPU (search, JSON), and more threads only compete with the
     * request threads that must ack within 3 s (SlackLoadBench measures ack latency against the worker count). Raise it
     * (SLACK_WORKER_THREADS) when Web API calls are slow.
     */
    private static int workerThreads(int configured) {
        return configured > 0 ? configured : Math.max(2, Runtime.getRuntime().availableProcessors());
    }
}
