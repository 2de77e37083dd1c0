package org.sga.teams;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.AuthenticationConstants;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.WorkerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages} without the web framework. In this order, so that nothing unauthenticated costs more than
 * a header check: a declared body above {@link #MAX_BODY} is refused (413); the Bot Framework token is checked with the
 * SDK from the header alone (401, also for a token without an expiry); the body is read up to the limit (413 beyond
 * it) and parsed (400 when it is not an activity this bot can act on, e.g. a message without a sender); the token's
 * {@code serviceurl} claim must name the activity's service URL (401). Then it answers at once and runs the turn on a
 * worker, so the connector's 15-second limit never matters. Nothing of the body is ever logged.
 */
public final class TeamsEndpoint {

    /** What to answer the Bot Framework. */
    public record Result(int status) {
        static final Result ACCEPTED = new Result(202);
        static final Result OK = new Result(200);
        static final Result BAD_REQUEST = new Result(400);
        static final Result UNAUTHORIZED = new Result(401);
        static final Result TOO_LARGE = new Result(413);
        static final Result BUSY = new Result(503);
    }

    /** Like Slack's limit for its payloads; a Teams activity for this bot is a few kilobytes. */
    public static final int MAX_BODY = 1 << 20;
    /** The channel this bot serves; tokens are checked for its endorsement before the body says anything. */
    private static final String TEAMS_CHANNEL = "msteams";

    static final String ACTIVITY_SOURCE = "teams";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final int LOCK_STRIPES = 64;

    private final CredentialProvider credentials;
    private final AuthenticationConfiguration authConfig = new AuthenticationConfiguration();
    private final TeamsBotAdapter adapter;
    private final TeamsBot bot;
    private final ProcessedEvents processed;
    private final WorkerPool workers;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    /** Turns of one conversation run one at a time on this instance, so quick clicks are answered in order. */
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    TeamsEndpoint(CredentialProvider credentials, TeamsBotAdapter adapter, TeamsBot bot, ProcessedEvents processed,
                  WorkerPool workers) {
        this.credentials = credentials;
        this.adapter = adapter;
        this.bot = bot;
        this.processed = processed;
        this.workers = workers;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    /** A body already in memory; see {@link #receive(String, long, InputStream)}. */
    public Result receive(String authorization, byte[] body) {
        try {
            return receive(authorization, body.length, new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param contentLength the declared length, or -1 when the request did not declare one
     * @param body          read only after the token was accepted, and never beyond {@link #MAX_BODY}
     * @throws IOException when the body cannot be read (the client went away)
     */
    public Result receive(String authorization, long contentLength, InputStream body) throws IOException {
        if (contentLength > MAX_BODY) {
            LOG.warn("Refused a Teams request: body of {} bytes declared, above the limit", contentLength);
            return Result.TOO_LARGE;
        }
        ClaimsIdentity identity = authenticate(authorization);
        if (identity == null) {
            return Result.UNAUTHORIZED;
        }
        byte[] bytes = body.readNBytes(MAX_BODY + 1);
        if (bytes.length > MAX_BODY) {
            LOG.warn("Refused a Teams request: body above the limit");
            return Result.TOO_LARGE;
        }
        Activity activity;
        try {
            activity = json.readValue(bytes, Activity.class);
        } catch (IOException | RuntimeException e) {
            // The parser's message can quote the body: only its kind is logged.
            LOG.warn("Refused a Teams request: not an activity ({})", e.getClass().getSimpleName());
            return Result.BAD_REQUEST;
        }
        String missing = missing(activity);
        if (missing != null) {
            LOG.warn("Refused a Teams request: {}", missing);
            return Result.BAD_REQUEST;
        }
        if (!fromServiceUrl(identity, activity)) {
            LOG.warn("Refused a Teams request: the token was issued for another service URL");
            return Result.UNAUTHORIZED;
        }
        if (activity.isType(ActivityTypes.INVOKE)) {
            // Adaptive Card Action.Execute and other invokes are not used; Action.Submit arrives as a message.
            return Result.OK;
        }
        if (!workers.offer(() -> turn(identity, activity))) {
            LOG.warn("Teams turn queue is full: answering 503 so the Bot Framework tries again");
            return Result.BUSY;
        }
        return Result.ACCEPTED;
    }

    /**
     * The identity the Authorization header proves, or null. Checked for the Teams channel's endorsement and without
     * the activity's service URL, which only the body can give ({@link #fromServiceUrl} checks it after). Without an
     * app id configured, a request without a header is anonymous, as the SDK allows for local development.
     */
    private ClaimsIdentity authenticate(String authorization) {
        try {
            if (authorization == null || authorization.isBlank()) {
                if (credentials.isAuthenticationDisabled().join()) {
                    return new ClaimsIdentity(AuthenticationConstants.ANONYMOUS_AUTH_TYPE);
                }
                LOG.warn("Refused a Teams request: no Authorization header");
                return null;
            }
            ClaimsIdentity identity = JwtTokenValidation.validateAuthHeader(authorization, credentials, null, TEAMS_CHANNEL,
                    null, authConfig).join();
            if (identity == null || !identity.isAuthenticated()) {
                LOG.warn("Refused a Teams request: token not accepted");
                return null;
            }
            if (expiry(authorization) == null) {
                // The JWT library accepts a token without "exp"; such a token would be good for ever.
                LOG.warn("Refused a Teams request: token without an expiry");
                return null;
            }
            return identity;
        } catch (CompletionException | IllegalArgumentException | com.microsoft.bot.connector.authentication.AuthenticationException e) {
            LOG.warn("Refused a Teams request: {}", reason(e));
            return null;
        } catch (RuntimeException e) {
            // Malformed tokens fail in the JWT decoder rather than as authentication errors: still a refusal.
            LOG.warn("Refused a Teams request: {}", e.getClass().getSimpleName());
            return null;
        }
    }

    private static java.util.Date expiry(String authorization) {
        String token = authorization.strip();
        int space = token.indexOf(' ');
        DecodedJWT jwt = JWT.decode(space < 0 ? token : token.substring(space + 1).strip());
        return jwt.getExpiresAt();
    }

    /**
     * A token the Bot Framework issued names the connector it is for; the activity must come from that connector, or a
     * token for one service URL would send the bot's replies, with the bot's own token, to another.
     */
    private static boolean fromServiceUrl(ClaimsIdentity identity, Activity activity) {
        String issuer = identity.getIssuer();
        if (issuer == null || !issuer.equals(AuthenticationConstants.TO_BOT_FROM_CHANNEL_TOKEN_ISSUER)) {
            return true;
        }
        String claim = identity.claims().get(AuthenticationConstants.SERVICE_URL_CLAIM);
        return claim != null && claim.equalsIgnoreCase(activity.getServiceUrl());
    }

    /** What an activity lacks that the bot needs, or null. */
    private static String missing(Activity activity) {
        // Without a service URL the SDK skips the serviceurl claim check; the connector is needed anyway.
        if (activity == null || isBlank(activity.getServiceUrl())) {
            return "activity without a service URL";
        }
        if (activity.getConversation() == null || isBlank(activity.getConversation().getId())
                || activity.getConversation().getId().length() > 1_000) {
            return "activity without a usable conversation";
        }
        if (activity.getType() == null) {
            return "activity without a type";
        }
        if (activity.isType(ActivityTypes.MESSAGE) && (activity.getFrom() == null || isBlank(activity.getFrom().getId()))) {
            return "message without a sender";
        }
        return null;
    }

    private void turn(ClaimsIdentity identity, Activity activity) {
        String conversationId = activity.getConversation().getId();
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (activity.getId() != null && !firstTime(EventIds.of(conversationId, activity.getId()))) {
                LOG.debug("Ignored a repeated Teams activity");
                return;
            }
            adapter.processActivity(identity, activity, bot::onTurn).join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            // The kind only at ERROR: an exception's message can quote what it failed on.
            LOG.error("A Teams turn failed ({})", cause.getClass().getSimpleName());
            LOG.debug("A Teams turn failed", cause);
        } finally {
            lock.unlock();
        }
    }

    /** When the store cannot say, the activity is answered: twice is better than not at all. */
    private boolean firstTime(String eventId) {
        try {
            return processed.firstTime(ACTIVITY_SOURCE, eventId);
        } catch (RuntimeException e) {
            LOG.warn("Could not check a Teams activity for repeats ({}); answering it anyway", e.getClass().getSimpleName());
            return true;
        }
    }

    /** The exception's kind and the SDK's reason, which names the check that failed and never the token. */
    private static String reason(Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage() == null ? "" : cause.getMessage();
        return cause.getClass().getSimpleName() + (message.length() > 200 ? "" : ": " + message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
