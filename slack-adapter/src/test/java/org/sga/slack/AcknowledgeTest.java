package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Acknowledge button: Slack says who is in the role's channel or group; the handler decides; the message shows it. */
class AcknowledgeTest {

    private static final String NOTICE = "[{\"type\":\"section\",\"block_id\":\"n\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Safeguarding concern SG-7\"}},"
            + "{\"type\":\"actions\",\"block_id\":\"acknowledge\",\"elements\":[{\"type\":\"button\",\"action_id\":\"sga_ack\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Acknowledge\"},\"value\":\"SG-7|safeguarding_lead\"}]}]";

    private final List<AcknowledgeHandler.Request> requests = new CopyOnWriteArrayList<>();
    private SlackEndpoint endpoint;
    private SlackFake slack;

    @BeforeEach
    void start() {
        AcknowledgeHandler handler = r -> {
            requests.add(r);
            if (!r.channelMember() && r.userGroups().isEmpty()) {
                return AcknowledgeHandler.Outcome.of(AcknowledgeHandler.Status.NOT_ALLOWED);
            }
            return requests.stream().filter(q -> q.channelMember() || !q.userGroups().isEmpty()).count() == 1
                    ? AcknowledgeHandler.Outcome.acknowledged(r.slackUserId(), Instant.ofEpochSecond(1_764_327_720L))
                    : AcknowledgeHandler.Outcome.already("UDSL", Instant.ofEpochSecond(1_764_327_720L));
        };
        endpoint = new SlackEndpoint(new ScriptedCore(), handler, f -> { }, Clock.systemUTC());
        slack = endpoint.slack;
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private void press(String user, String responseName) {
        endpoint.requests.interaction(Events.click(user, "CDSL", "1700000030.1", "sga_ack", "Acknowledge",
                "SG-7|safeguarding_lead", NOTICE, slack.responseUrl(responseName)));
    }

    @Test
    void givenClickerNotInTheRoleChannel_thenRefusedPrivatelyAndTheMessageUnchanged() {
        press("UOUTSIDER", "r1");
        SlackFake.await("the refusal", () -> slack.responses().size() == 1);
        assertThat(slack.responseBodies().getFirst()).contains("\"response_type\":\"ephemeral\"")
                .contains("Nothing was recorded").contains("\"replace_original\":false");
        assertThat(slack.count("chat.update")).isZero();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("SG-7");
            assertThat(r.role()).isEqualTo("safeguarding_lead");
            assertThat(r.channelId()).isEqualTo("CDSL");
            assertThat(r.channelMember()).isFalse();
            assertThat(r.userGroups()).isEmpty();
        });
        assertThat(slack.calls("conversations.members").getFirst().get("channel")).isEqualTo("CDSL");
    }

    @Test
    void givenChannelMember_thenMessageUpdatedWithWhoAndWhenAndNoButton() {
        press("UDSL", "r2");
        SlackFake.await("the update", () -> slack.count("chat.update") == 1);
        Map<String, String> update = slack.calls("chat.update").getFirst();
        assertThat(update.get("channel")).isEqualTo("CDSL");
        assertThat(update.get("ts")).isEqualTo("1700000030.1");
        assertThat(update.get("blocks")).contains("Safeguarding concern SG-7")
                .contains("Acknowledged by <@UDSL> at <!date^1764327720^{time}|11:02 UTC>")
                .doesNotContain("sga_ack");
        assertThat(requests.getFirst().channelMember()).isTrue();
    }

    @Test
    void givenMemberOfConfiguredUserGroupOnly_thenGroupPassedToTheHandler() {
        press("UGROUP", "r3");
        SlackFake.await("the update", () -> slack.count("chat.update") == 1);
        assertThat(requests.getFirst().channelMember()).isFalse();
        assertThat(requests.getFirst().userGroups()).containsExactly("SGROUP");
    }

    @Test
    void givenSecondAllowedClick_thenToldWhoAcknowledgedFirst() {
        press("UDSL", "r4");
        SlackFake.await("the update", () -> slack.count("chat.update") == 1);
        press("UOTHER", "r5");
        SlackFake.await("the note", () -> slack.responses().size() == 1);
        assertThat(slack.responseBodies().getFirst()).contains("Already acknowledged by <@UDSL>");
    }
}
