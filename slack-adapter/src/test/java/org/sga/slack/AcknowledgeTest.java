package org.sga.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.Platform;
import org.sga.core.triage.Role;

/**
 * The Acknowledge button: the adapter hands the core who pressed it and on which message, and shows what the core
 * decided; and it answers the core's question of who is in a channel from {@code conversations.members}.
 */
class AcknowledgeTest {

    private static final String NOTICE = "[{\"type\":\"section\",\"block_id\":\"n\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Safeguarding concern SG-7\"}},"
            + "{\"type\":\"actions\",\"block_id\":\"acknowledge\",\"elements\":[{\"type\":\"button\",\"action_id\":\"sga_ack\","
            + "\"text\":{\"type\":\"plain_text\",\"text\":\"Acknowledge\"},\"value\":\"SG-7|safeguarding_lead\"}]}]";
    private static final Instant AT = Instant.ofEpochSecond(1_764_327_720L);

    private final List<AcknowledgeRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicReference<AcknowledgementOutcome> next = new AtomicReference<>();
    private SlackEndpoint endpoint;
    private SlackFake slack;

    @BeforeEach
    void start() {
        endpoint = new SlackEndpoint(new ScriptedCore(), request -> {
            requests.add(request);
            return next.get();
        }, f -> { }, Clock.systemUTC());
        slack = endpoint.slack;
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private static AcknowledgementOutcome outcome(AcknowledgementOutcome.Status status, String by) {
        return new AcknowledgementOutcome(status, "SG-7", Role.SAFEGUARDING_LEAD,
                new Acknowledgement("SG-7", "safeguarding_lead", by, AT), java.time.ZoneId.of("Europe/London"));
    }

    private void press(String user, String responseName) {
        endpoint.requests.interaction(Events.click(user, "CDSL", "1700000030.1", "sga_ack", "Acknowledge",
                "SG-7|safeguarding_lead", NOTICE, slack.responseUrl(responseName)));
    }

    @Test
    void givenAPress_thenTheCoreIsAskedWithThePresserAndTheMessagePressedOn() {
        next.set(new AcknowledgementOutcome(AcknowledgementOutcome.Status.REFUSED, null, null, null,
                java.time.ZoneId.of("Europe/London")));
        press("UOUTSIDER", "r1");
        SlackFake.await("the refusal", () -> slack.responses().size() == 1);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("SG-7");
            assertThat(r.role()).isEqualTo("safeguarding_lead");
            assertThat(r.actor()).isEqualTo(new Actor(Platform.SLACK, "UOUTSIDER"));
            assertThat(r.noticeId()).isEqualTo("CDSL:1700000030.1");
        });
    }

    @Test
    void givenARefusal_thenTheSameShortLineToThePresserAloneAndTheMessageUnchanged() {
        next.set(new AcknowledgementOutcome(AcknowledgementOutcome.Status.REFUSED, null, null, null,
                java.time.ZoneId.of("Europe/London")));
        press("UOUTSIDER", "r1");
        SlackFake.await("the refusal", () -> slack.responses().size() == 1);
        assertThat(slack.responseBodies().getFirst()).contains("\"response_type\":\"ephemeral\"")
                .contains("That acknowledgement was not accepted").contains("\"replace_original\":false")
                .doesNotContain("SG-7");
        assertThat(slack.count("chat.update")).isZero();
    }

    @Test
    void givenAcceptance_thenMessageUpdatedWithWhoAndWhenAndNoButton() {
        next.set(outcome(AcknowledgementOutcome.Status.ACCEPTED, "slack:UDSL"));
        press("UDSL", "r2");
        SlackFake.await("the update", () -> slack.count("chat.update") == 1);
        Map<String, String> update = slack.calls("chat.update").getFirst();
        assertThat(update.get("channel")).isEqualTo("CDSL");
        assertThat(update.get("ts")).isEqualTo("1700000030.1");
        assertThat(update.get("blocks")).contains("Safeguarding concern SG-7")
                .contains("Acknowledged by <@UDSL> at <!date^1764327720^{time}|11:02 UTC>")
                .doesNotContain("sga_ack");
    }

    @Test
    void givenSomeoneHadAcknowledgedFirst_thenToldWhoAndTheMessageShowsThem() {
        next.set(outcome(AcknowledgementOutcome.Status.ALREADY_ACKNOWLEDGED, "slack:UDSL"));
        press("UOTHER", "r5");
        SlackFake.await("the note", () -> slack.responses().size() == 1);
        assertThat(slack.responseBodies().getFirst()).contains("Already acknowledged by <@UDSL>");
        assertThat(slack.calls("chat.update").getFirst().get("blocks")).contains("Acknowledged by <@UDSL>");
    }

    @Test
    void givenTheCoreFails_thenThePresserIsToldWithThePhoneFallback() throws Exception {
        endpoint.close();
        endpoint = new SlackEndpoint(new ScriptedCore(), request -> {
            throw new IllegalStateException("store cannot write");
        }, f -> { }, Clock.systemUTC());
        slack = endpoint.slack;
        press("UDSL", "r6");
        SlackFake.await("the fault line", () -> slack.responses().size() == 1);
        assertThat(slack.responseBodies().getFirst()).contains("call 999").contains("phone your designated safeguarding lead");
    }

    @Test
    void givenTheCoresQuestion_thenSlackSaysWhoIsInTheChannelAndNeverYesWhenItCannotSay() {
        ChannelMembership members = endpoint.bot.channelMembers();
        assertThat(members.check("CDSL", new Actor(Platform.SLACK, "UDSL"))).isEqualTo(ChannelMembership.Answer.MEMBER);
        assertThat(members.check("CDSL", new Actor(Platform.SLACK, "UOUTSIDER"))).isEqualTo(ChannelMembership.Answer.NOT_MEMBER);
        assertThat(slack.calls("conversations.members")).extracting(c -> c.get("channel")).containsOnly("CDSL");

        slack.server.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":false,\"error\":\"missing_scope\"}")));
        assertThat(members.check("CDSL", new Actor(Platform.SLACK, "UDSL"))).isEqualTo(ChannelMembership.Answer.UNKNOWN);
    }

    @Test
    void givenAMemberListOverSeveralPages_thenEveryPageIsRead() {
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members")).willReturn(okJson(
                "{\"ok\":true,\"members\":[\"UA\"],\"response_metadata\":{\"next_cursor\":\"page2\"}}")));
        slack.server.stubFor(post(urlEqualTo("/api/conversations.members"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("cursor=page2"))
                .willReturn(okJson("{\"ok\":true,\"members\":[\"UB\"],\"response_metadata\":{\"next_cursor\":\"\"}}")));
        assertThat(endpoint.bot.channelMembers().check("CDSL", new Actor(Platform.SLACK, "UB")))
                .isEqualTo(ChannelMembership.Answer.MEMBER);
        assertThat(slack.count("conversations.members")).isEqualTo(2);
    }
}
