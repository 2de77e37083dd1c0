package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.ChannelMembership;
import org.sga.core.escalation.Platform;
import org.sga.core.testkit.MemoryStore;

/** The Teams roster answers the core's question of who is in a channel; when it cannot say, it never says yes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelMembersTest {

    /** The core's storage ports in memory, from its test kit. */
    private final MemoryStore stores = new MemoryStore(Clock.systemUTC());

    static final String CHANNEL = "19:dsl@thread.tacv2";

    final BotFrameworkFake fake = new BotFrameworkFake();
    Teams teams;

    @BeforeAll
    void start() {
        teams = new Teams(fake.settings(), new Teams.Collaborators(m -> Reply.notice("x"), stores.processedEvents(),
                stores.conversations(), new InMemoryConversationReferences(), TestPorts.NO_ACKNOWLEDGEMENTS,
                null), 1, 10);
        fake.server().stubFor(get(urlPathMatching("/v3/conversations/[^/]+/members/.*")).atPriority(5)
                .willReturn(aResponse().withStatus(404).withBody("{\"error\":{\"code\":\"MemberNotFoundInConversation\"}}")));
        fake.server().stubFor(get(urlPathMatching("/v3/conversations/" + Pattern.quote(CHANNEL) + "/members/29:dee"))
                .atPriority(1).willReturn(okJson("{\"id\":\"29:dee\",\"name\":\"Dee\"}")));
        fake.server().stubFor(get(urlPathMatching("/v3/conversations/" + Pattern.quote("19:broken@thread.tacv2") + "/members/.*"))
                .atPriority(1).willReturn(aResponse().withStatus(503)));
    }

    @AfterAll
    void stop() {
        teams.close();
        fake.close();
    }

    @Test
    void givenTheRoster_thenMembersAndStrangersAreTold() {
        ChannelMembership members = teams.channelMembers();

        assertThat(members.check(CHANNEL, new Actor(Platform.TEAMS, "29:dee", "aad-dee"))).isEqualTo(ChannelMembership.Answer.MEMBER);
        assertThat(members.check(CHANNEL, new Actor(Platform.TEAMS, "29:pat"))).isEqualTo(ChannelMembership.Answer.NOT_MEMBER);
        fake.server().verify(getRequestedFor(urlPathMatching("/v3/conversations/" + Pattern.quote(CHANNEL) + "/members/29:dee")));
    }

    @Test
    void givenTheConnectorFails_thenItCannotSayAndThatIsNoYes() {
        assertThat(teams.channelMembers().check("19:broken@thread.tacv2", new Actor(Platform.TEAMS, "29:dee")))
                .isEqualTo(ChannelMembership.Answer.UNKNOWN);
    }

    @Test
    void givenSomeoneFromAnotherPlatform_thenNotAMember() {
        assertThat(teams.channelMembers().check(CHANNEL, new Actor(Platform.SLACK, "29:dee")))
                .isEqualTo(ChannelMembership.Answer.NOT_MEMBER);
    }
}
