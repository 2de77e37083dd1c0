package org.sga.teams;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.connector.authentication.AuthenticationConfiguration;
import com.microsoft.bot.connector.authentication.ClaimsIdentity;
import com.microsoft.bot.connector.authentication.CredentialProvider;
import com.microsoft.bot.connector.authentication.JwtTokenValidation;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import java.io.IOException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.sga.core.conversation.ProcessedEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages} without the web framework: checks the Bot Framework token with the SDK before anything
 * else, answers at once, and runs the turn on a worker so the connector's 15-second limit never matters. A
 * controller passes the Authorization header and the body, and writes back the status.
 */
public final class TeamsEndpoint {

    /** What to answer the Bot Framework. */
    public record Result(int status) {
        static final Result ACCEPTED = new Result(202);
        static final Result OK = new Result(200);
        static final Result BAD_REQUEST = new Result(400);
        static final Result UNAUTHORIZED = new Result(401);
        static final Result BUSY = new Result(503);
    }

    static final String ACTIVITY_SOURCE = "teams";
    private static final Logger LOG = LoggerFactory.getLogger(TeamsEndpoint.class);
    private static final int LOCK_STRIPES = 64;

    private final CredentialProvider credentials;
    private final AuthenticationConfiguration authConfig = new AuthenticationConfiguration();
    private final TeamsBotAdapter adapter;
    private final TeamsBot bot;
    private final ProcessedEvents processed;
    private final ExecutorService workers;
    private final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    /** Turns of one conversation run one at a time on this instance, so quick clicks are answered in order. */
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    TeamsEndpoint(CredentialProvider credentials, TeamsBotAdapter adapter, TeamsBot bot, ProcessedEvents processed,
                  ExecutorService workers) {
        this.credentials = credentials;
        this.adapter = adapter;
        this.bot = bot;
        this.processed = processed;
        this.workers = workers;
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
    }

    public Result receive(String authorization, byte[] body) {
        Activity activity;
        try {
            activity = json.readValue(body, Activity.class);
        } catch (IOException | RuntimeException e) {
            return Result.BAD_REQUEST;
        }
        // Without a service URL the SDK skips the serviceurl claim check; the connector is needed anyway.
        if (activity == null || isBlank(activity.getServiceUrl()) || activity.getConversation() == null
                || isBlank(activity.getConversation().getId()) || activity.getType() == null) {
            return Result.BAD_REQUEST;
        }
        ClaimsIdentity identity;
        try {
            identity = JwtTokenValidation.authenticateRequest(activity, authorization, credentials, null, authConfig).join();
        } catch (CompletionException | IllegalArgumentException | com.microsoft.bot.connector.authentication.AuthenticationException e) {
            LOG.warn("Refused a Teams request: {}", reason(e));
            return Result.UNAUTHORIZED;
        } catch (RuntimeException e) {
            // Malformed tokens fail in the JWT decoder rather than as authentication errors: still a refusal.
            LOG.warn("Refused a Teams request: {}", e.getClass().getSimpleName());
            return Result.UNAUTHORIZED;
        }
        if (identity == null || !identity.isAuthenticated()) {
            return Result.UNAUTHORIZED;
        }
        if (activity.isType(ActivityTypes.INVOKE)) {
            // Adaptive Card Action.Execute and other invokes are not used; Action.Submit arrives as a message.
            return Result.OK;
        }
        try {
            workers.execute(() -> turn(identity, activity));
        } catch (RejectedExecutionException e) {
            LOG.warn("Teams turn queue is full: answering 503 so the Bot Framework tries again");
            return Result.BUSY;
        }
        return Result.ACCEPTED;
    }

    private void turn(ClaimsIdentity identity, Activity activity) {
        String conversationId = activity.getConversation().getId();
        ReentrantLock lock = locks[Math.floorMod(conversationId.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            if (activity.getId() != null && !processed.firstTime(ACTIVITY_SOURCE, EventIds.of(conversationId, activity.getId()))) {
                LOG.debug("Ignored a repeated Teams activity");
                return;
            }
            adapter.processActivity(identity, activity, bot::onTurn).join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.error("A Teams turn failed ({})", cause.getClass().getSimpleName(), cause);
        } finally {
            lock.unlock();
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
