package org.sga.teams;

import com.microsoft.bot.connector.authentication.ChannelValidation;
import com.microsoft.bot.connector.authentication.SimpleCredentialProvider;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Objects;
import org.sga.core.conversation.Conversation;
import org.sga.core.conversation.ConversationStore;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.WorkerPool;
import org.sga.core.escalation.Acknowledger;
import org.sga.core.escalation.ChannelMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Teams adapter, assembled: the endpoint for {@code /api/messages} and the notifier for the outbox. Every Bot
 * Framework type stays behind this class. Close it to stop the turn workers.
 */
public final class Teams implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Teams.class);

    private final TeamsEndpoint endpoint;
    private final TeamsNotifier notifier;
    private final TeamsChannelMembers channelMembers;
    private final WorkerPool workers;

    /** What the adapter needs from the application. */
    public record Collaborators(Conversation conversation, ProcessedEvents processedEvents, ConversationStore store,
                                ConversationReferences references, Acknowledger acknowledger, Feedback feedback,
                                ApiCalls apiCalls) {

        public Collaborators(Conversation conversation, ProcessedEvents processedEvents, ConversationStore store,
                             ConversationReferences references, Acknowledger acknowledger, Feedback feedback) {
            this(conversation, processedEvents, store, references, acknowledger, feedback, ApiCalls.NONE);
        }

        public Collaborators {
            apiCalls = apiCalls == null ? ApiCalls.NONE : apiCalls;
            Objects.requireNonNull(conversation, "conversation");
            Objects.requireNonNull(processedEvents, "processedEvents");
            Objects.requireNonNull(store, "store");
            Objects.requireNonNull(references, "references");
            Objects.requireNonNull(acknowledger, "acknowledger");
            feedback = feedback == null ? Feedback.NONE : feedback;
        }
    }

    public Teams(TeamsSettings settings, Collaborators with, int workerThreads, int queueCapacity) {
        if (settings.authenticationEnabled()) {
            LOG.info("Teams: checking Bot Framework tokens for app id {} against {}", settings.appId(), settings.openIdMetadataUrl());
        } else {
            LOG.warn("""

                    ***************************************************************************
                    *  MICROSOFT_APP_ID is not set: /api/messages accepts UNAUTHENTICATED      *
                    *  requests. Only for local development with the Bot Framework Emulator.   *
                    *  Never expose this instance to a network.                                *
                    ***************************************************************************""");
        }
        // The SDK reads the metadata URL from a JVM-wide static; setting it here keeps it next to the settings.
        ChannelValidation.setOpenIdMetaDataUrl(settings.openIdMetadataUrl());
        AccessTokens tokens = new AccessTokens(settings, HttpClient.newBuilder()
                .connectTimeout(settings.connectorTimeout()).build(), Clock.systemUTC());
        OwnTokenCredentials credentials = settings.authenticationEnabled() ? new OwnTokenCredentials(settings.appId(), tokens) : null;
        ConnectorClients clients = new ConnectorClients(credentials, settings, with.apiCalls());
        SimpleCredentialProvider credentialProvider = new SimpleCredentialProvider(
                settings.authenticationEnabled() ? settings.appId() : null, settings.authenticationEnabled() ? settings.appPassword() : null);
        TeamsBotAdapter adapter = new TeamsBotAdapter(credentialProvider, clients);
        CardMemory cards = new CardMemory(with.store());
        TeamsBot bot = new TeamsBot(with, cards, clients);
        this.workers = new WorkerPool("teams-turn", workerThreads, queueCapacity);
        this.endpoint = new TeamsEndpoint(credentialProvider, adapter, bot, with.processedEvents(), workers);
        this.notifier = new TeamsNotifier(settings, clients, with.references(), cards, tokens);
        this.channelMembers = new TeamsChannelMembers(clients, with.references(), settings);
    }

    public TeamsEndpoint endpoint() {
        return endpoint;
    }

    public TeamsNotifier notifier() {
        return notifier;
    }

    /** The Teams roster's answer, for the core's acknowledgement policy, to "is this person in this channel now?". */
    public ChannelMembership channelMembers() {
        return channelMembers;
    }

    /** Lets queued turns finish for a few seconds, then stops. */
    @Override
    public void close() {
        workers.close();
    }
}
