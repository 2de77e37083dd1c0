package org.sga.slack;

import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.sga.core.escalation.DeliveryException;
import org.sga.core.escalation.DeliveryReceipt;
import org.sga.core.escalation.FirstNotices;
import org.sga.core.escalation.Notifier;
import org.sga.core.escalation.OutboxMessage;
import org.sga.core.escalation.OutboxRow;
import org.sga.core.escalation.RecentDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts outbox messages to Slack with {@code chat.postMessage}: escalation notices to the role's channel with an
 * Acknowledge button, notices for the reporter (role {@code reporter}) to their DM as plain text. A notice to a role's
 * backup ({@link OutboxRow#BACKUP}) or a later reminder links to the role's first notice, found through {@link FirstNotices} and
 * {@code chat.getPermalink}; when there is no link to be had the backup's notice goes without one, as it must not wait.
 * Maps failures for the outbox: HTTP 429 waits for {@code Retry-After}, 5xx and timeouts are retried with backoff,
 * {@code ok:false} is retried for Slack's transient errors and for a refused token or scope ({@link #ACCESS}), which
 * is an outage of the whole bot, not a bad channel: the notice waits until an administrator fixes the app. Logs error
 * codes and references, never the message.
 */
public final class SlackNotifier implements Notifier {

    /** The outbox role of notices that go back to the person who raised the concern. */
    public static final String REPORTER = "reporter";

    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    private static final Set<String> TRANSIENT = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout");
    /**
     * Slack refused the bot itself, not this message: its token is invalid, revoked or expired, the app was uninstalled
     * or lost a scope. Every notice would fail alike; giving them up would drop escalations for an outage.
     */
    private static final Set<String> ACCESS = Set.of("invalid_auth", "not_authed", "token_revoked", "token_expired",
            "account_inactive", "missing_scope", "no_permission", "not_allowed_token_type", "ekm_access_denied",
            "team_access_not_granted", "org_login_required");
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(1);
    private static final int TEXT_CHARS = 3000;
    /** A Slack receipt, {@code channel:ts}, as {@link #deliver} stores it. */
    private static final Pattern MESSAGE_ID = Pattern.compile("([A-Z0-9]+):(\\d+\\.\\d+)");
    /** Placed inside {@code <url|label>}, so nothing that ends the link or the label. */
    private static final Pattern PERMALINK = Pattern.compile("https://[^\\s<>|]+");

    private final MethodsClient client;
    private final FirstNotices firstNotices;
    private final MethodsClient linkClient;
    /** Slack has no idempotency key for posting: a retry in this process after a lost receipt is answered here. */
    private final RecentDeliveries delivered = new RecentDeliveries();

    /** A notifier whose backup notices carry no link to the first notice. */
    public SlackNotifier(MethodsClient client) {
        this(client, FirstNotices.NONE, client);
    }

    /**
     * @param client       posts the notices
     * @param firstNotices where each role's first notice was posted, for the link in its backup's notice
     * @param linkClient   asks for the link ({@code chat.getPermalink}); give it a short call timeout, as the backup's
     *                     notice waits for the answer before it is posted
     */
    public SlackNotifier(MethodsClient client, FirstNotices firstNotices, MethodsClient linkClient) {
        this.client = Objects.requireNonNull(client, "client");
        this.firstNotices = Objects.requireNonNull(firstNotices, "firstNotices");
        this.linkClient = Objects.requireNonNull(linkClient, "linkClient");
    }

    @Override
    public DeliveryReceipt deliver(OutboxMessage message) throws DeliveryException {
        OutboxRow row = message.row();
        if (!SlackBot.PLATFORM.equals(row.platform())) {
            // A Teams or console row handed here by mistake: its target is not a Slack channel.
            throw DeliveryException.permanent("not_a_slack_row");
        }
        Optional<DeliveryReceipt> earlier = delivered.earlier(message.idempotencyKey());
        if (earlier.isPresent()) {
            return earlier.get();
        }
        boolean toReporter = REPORTER.equals(row.role());
        Optional<OriginalNotice> original = !toReporter && !OutboxRow.INITIAL.equals(row.attempt())
                ? originalNotice(row) : Optional.empty();
        String linkLine = original.map(o -> "\n\nOriginal notice in <#" + o.channel() + ">: <" + o.permalink() + ">")
                .orElse("");
        ChatPostMessageResponse response;
        try {
            response = client.chatPostMessage(r -> {
                // The text is what notifications show; escaped like the blocks, so a note cannot ping, mention or
                // disguise a link. The link line is the bot's own, built from Slack's permalink.
                r.channel(row.channelTarget())
                        .text(BlockKit.escape(BlockKit.cut(row.payload(), TEXT_CHARS - linkLine.length())) + linkLine)
                        .unfurlLinks(false).unfurlMedia(false).linkNames(false);
                if (!toReporter) {
                    r.blocks(BlockKit.escalation(row.payload(), row.escalationRef(), row.role(),
                            original.map(o -> BlockKit.originalNotice(o.permalink(), o.channel())).orElse(null)));
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
            if (status >= 500 || status == 0 || status == 408 || status == 401 || status == 403) {
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
            if (ACCESS.contains(error)) {
                LOG.warn("Slack refused the bot's access for escalation {} ({}): {}; the notice waits and is retried",
                        row.escalationRef(), row.role(), error);
                throw DeliveryException.retryable(error);
            }
            LOG.warn("chat.postMessage refused escalation {} ({}): {}", row.escalationRef(), row.role(), error);
            throw TRANSIENT.contains(error) ? DeliveryException.retryable(error) : DeliveryException.permanent(error);
        }
        // channel:ts names the message for chat.update and for a permalink from the backup's notice.
        DeliveryReceipt receipt = new DeliveryReceipt(response.getChannel() + ":" + response.getTs());
        delivered.remember(message.idempotencyKey(), receipt);
        return receipt;
    }

    /** The role's first notice, for its backup: where it was posted and Slack's permanent link to it. */
    record OriginalNotice(String channel, String permalink) {
    }

    /**
     * Finds the first notice of the row's escalation to its role and asks Slack for its permalink. Anything that goes
     * wrong means no link, never a failed delivery: it is logged with the escalation's reference and a code only.
     */
    private Optional<OriginalNotice> originalNotice(OutboxRow row) {
        String problem;
        try {
            Optional<String> messageId = firstNotices.deliveredMessageId(row.escalationRef(), row.role(), row.platform());
            if (messageId.isEmpty()) {
                LOG.info("Backup notice of escalation {} goes without a link: no_first_notice_delivered", row.escalationRef());
                return Optional.empty();
            }
            var id = MESSAGE_ID.matcher(messageId.get());
            if (!id.matches()) {
                problem = "bad_message_id";
            } else {
                String channel = id.group(1);
                ChatGetPermalinkResponse response = linkClient.chatGetPermalink(r -> r.channel(channel).messageTs(id.group(2)));
                if (!response.isOk()) {
                    problem = response.getError() == null ? "not_ok" : response.getError();
                } else if (response.getPermalink() == null || !PERMALINK.matcher(response.getPermalink()).matches()) {
                    problem = "bad_permalink";
                } else {
                    return Optional.of(new OriginalNotice(channel, response.getPermalink()));
                }
            }
        } catch (SlackApiException e) {
            problem = "http_" + (e.getResponse() == null ? 0 : e.getResponse().code());
        } catch (InterruptedIOException e) {
            problem = "timeout";
        } catch (IOException e) {
            problem = "io_error";
        } catch (RuntimeException e) {
            problem = "unexpected_" + e.getClass().getSimpleName();
        }
        LOG.warn("Backup notice of escalation {} goes without a link to the first notice: {}", row.escalationRef(), problem);
        return Optional.empty();
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

    /** Slack's error codes that refuse the bot itself rather than one message, for health to tell apart. */
    public static Set<String> accessErrors() {
        return ACCESS;
    }
}
