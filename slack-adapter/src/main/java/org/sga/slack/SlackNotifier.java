package org.sga.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts outbox messages to Slack with {@code chat.postMessage}: escalation notices to the role's channel with an
 * Acknowledge button, notices for the reporter (role {@code reporter}) to their DM as plain text. Maps failures for
 * the outbox: HTTP 429 waits for {@code Retry-After}, 5xx and timeouts are retried with backoff, {@code ok:false}
 * is retried only for Slack's transient errors. Logs error codes and references, never the message.
 */
public final class SlackNotifier implements Notifier {

    /** The outbox role of notices that go back to the person who raised the concern. */
    public static final String REPORTER = "reporter";

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final int REMEMBERED = 10_000;

    private final MethodsClient client;
    /** Slack has no idempotency key for posting: a retry in this process after a lost receipt is answered here. */
    private final Map<String, DeliveryReceipt> delivered = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, DeliveryReceipt> eldest) {
            return size() > REMEMBERED;
        }
    };

    public SlackNotifier(MethodsClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        OutboxRow row = message.row();
        if (!SlackBot.PLATFORM.equals(row.platform())) {
            // A Teams or console row handed here by mistake: its target is not a Slack channel.
            throw DeliveryException.permanent("not_a_slack_row");
        }
        synchronized (delivered) {
            DeliveryReceipt earlier = delivered.get(message.idempotencyKey());
            if (earlier != null) {
                return earlier;
            }
        }
        boolean toReporter = REPORTER.equals(row.role());
        ChatPostMessageResponse response;
        try {
            response = client.chatPostMessage(r -> {
                r.channel(row.channelTarget()).text(BlockKit.cut(row.payload(), 3000)).unfurlLinks(false).unfurlMedia(false);
                if (!toReporter) {
                    r.blocks(BlockKit.escalation(row.payload(), row.escalationRef(), row.role()));
                }
                return r;
            });
        } catch (SlackApiException e) {
            int status = e.getResponse() == null ? 0 : e.getResponse().code();
            if (status == 429) {
                Duration wait = retryAfter(e.getResponse().header("Retry-After"));
                LOG.warn("Slack rate-limited escalation {} ({}); retry after {}s", row.escalationRef(), row.role(), wait.toSeconds());
                throw DeliveryException.retryAfter("ratelimited", wait);
            }
            LOG.warn("Slack answered HTTP {} for escalation {} ({})", status, row.escalationRef(), row.role());
            if (status >= 500 || status == 0 || status == 408) {
                throw DeliveryException.retryable("http_" + status);
            }
            throw DeliveryException.permanent("http_" + status);
        } catch (InterruptedIOException e) {
            LOG.warn("Slack timed out for escalation {} ({})", row.escalationRef(), row.role());
            throw DeliveryException.retryable("timeout");
        } catch (IOException e) {
            LOG.warn("Could not reach Slack for escalation {} ({}): {}", row.escalationRef(), row.role(), e.getClass().getSimpleName());
            throw DeliveryException.retryable("io_error");
        }
        if (!response.isOk()) {
            String error = response.getError();
            LOG.warn("chat.postMessage refused escalation {} ({}): {}", row.escalationRef(), row.role(), error);
            throw TRANSIENT.contains(error) ? DeliveryException.retryable(error) : DeliveryException.permanent(error);
        }
        // channel:ts names the message for chat.update and for a permalink from the backup's notice.
        DeliveryReceipt receipt = new DeliveryReceipt(response.getChannel() + ":" + response.getTs());
        synchronized (delivered) {
            delivered.put(message.idempotencyKey(), receipt);
        }
        return receipt;
    }

    static Duration retryAfter(String header) {
        if (header == null) {
            return DEFAULT_WAIT;
        }
        try {
            long seconds = Long.parseLong(header.strip());
            return seconds > 0 ? Duration.ofSeconds(Math.min(seconds, 3600)) : DEFAULT_WAIT;
        } catch (NumberFormatException e) {
            return DEFAULT_WAIT;
        }
    }

    static List<String> transientErrors() {
        return List.copyOf(TRANSIENT);
    }
}
