package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.Reply;
import org.sga.core.escalation.AcknowledgeRequest;
import org.sga.core.escalation.Acknowledgement;
import org.sga.core.escalation.AcknowledgementOutcome;
import org.sga.core.escalation.Actor;
import org.sga.core.escalation.Platform;
import org.sga.core.testkit.MemoryStore;
import org.sga.core.triage.Role;

/** Button clicks: each card answers once, and is shown again without its buttons. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardSubmitTest {

    /** The core's storage ports in memory, from its test kit. */
    private final MemoryStore stores = new MemoryStore(Clock.systemUTC());

    final BotFrameworkFake fake = new BotFrameworkFake();
    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final List<Feedback.Vote> votes = new CopyOnWriteArrayList<>();
    final AtomicReference<AcknowledgementOutcome> nextAck = new AtomicReference<>();
    final List<AcknowledgeRequest> ackClicks = new CopyOnWriteArrayList<>();
    Teams teams;
    String serviceUrl;

    @BeforeAll
    void start() {
        serviceUrl = fake.base();
        teams = new Teams(fake.settings(), new Teams.Collaborators(message -> {
            received.add(message);
            return new Reply(Reply.Kind.TRIAGE_QUESTION, null, "Is a child in immediate danger?", null, List.of(),
                    List.of(new Choice("Yes", "Yes"), new Choice("No", "No")), List.of());
        }, stores.processedEvents(), stores.conversations(), new InMemoryConversationReferences(),
                request -> {
                    ackClicks.add(request);
                    return nextAck.get();
                }, votes::add), 2, 100);
    }

    @AfterAll
    void stop() {
        teams.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        received.clear();
        ackClicks.clear();
        fake.server().resetRequests();
    }

    private void post(String activity) {
        assertThat(teams.endpoint().receive("Bearer " + fake.token(serviceUrl), Activities.bytes(activity)).status()).isEqualTo(202);
    }

    /** Asks once and returns the id the connector gave the question card. */
    private String askQuestion() {
        post(Activities.personalMessage(serviceUrl, BotFrameworkFake.nextId(), "29:sam", "report a concern"));
        Await.until(() -> fake.connectorRequests().size() == 1);
        String cardId = fake.server().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("/activities/")).findFirst().orElseThrow()
                .getResponse().getBodyAsString().replaceAll("\\D", "");
        fake.server().resetRequests();
        received.clear();
        return cardId;
    }

    @Test
    void givenChoiceClicked_thenCardShowsChoiceWithoutButtonsAndCoreGetsValue() {
        String cardId = askQuestion();

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:sam", Activities.PERSONAL_CHAT, cardId,
                "{\"sga\":\"choice\",\"value\":\"No\",\"label\":\"No\"}"));

        Await.until(() -> fake.connectorRequests().size() == 2);
        assertThat(received).singleElement().satisfies(m -> assertThat(m.text()).isEqualTo("No"));
        LoggedRequest update = fake.server().findAll(putRequestedFor(urlPathEqualTo(
                "/v3/conversations/" + Activities.PERSONAL_CHAT + "/activities/" + cardId))).get(0);
        assertThat(update.getBodyAsString()).contains("Is a child in immediate danger?", "You chose: No", "\"actions\":[]");
    }

    @Test
    void givenDoubleClick_thenAnsweredOnce() {
        String cardId = askQuestion();
        String data = "{\"sga\":\"choice\",\"value\":\"Yes\",\"label\":\"Yes\"}";

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:sam", Activities.PERSONAL_CHAT, cardId, data));
        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:sam", Activities.PERSONAL_CHAT, cardId, data));

        Await.until(() -> fake.connectorRequests().size() >= 2);
        Await.holds(() -> received.size() == 1 && fake.connectorRequests().size() == 2);
        assertThat(received).hasSize(1);
        assertThat(fake.connectorRequests()).hasSize(2);
    }

    @Test
    void givenHelpfulClicked_thenVoteRecordedAndCardClosed() {
        String cardId = askQuestion();

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:sam", Activities.PERSONAL_CHAT, cardId,
                "{\"sga\":\"feedback\",\"helpful\":true,\"section\":\"child-abuse-and-ict#4.4\",\"version\":\"seed-1\"}"));

        Await.until(() -> votes.size() == 1);
        assertThat(votes.get(0)).isEqualTo(new Feedback.Vote(Activities.PERSONAL_CHAT, "29:sam", "child-abuse-and-ict#4.4", "seed-1", true));
        Await.until(() -> fake.connectorRequests().size() == 1);
        assertThat(fake.connectorRequests().get(0).getBodyAsString()).contains("marked as helpful");
        assertThat(received).isEmpty();
    }

    @Test
    void givenAcknowledgeRefused_thenTheShortLineGoesToTheClickersPersonalChatAndTheCardStaysOpen() {
        nextAck.set(new AcknowledgementOutcome(AcknowledgementOutcome.Status.REFUSED, null, null, null,
                java.time.ZoneId.of("Europe/London")));
        String thread = "19:dsl@thread.tacv2;messageid=900";

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:pat", thread, "900",
                "{\"sga\":\"ack\",\"ref\":\"SG-1\",\"role\":\"safeguarding_lead\"}"));

        Await.until(() -> fake.connectorRequests().size() == 2);
        assertThat(ackClicks).singleElement().satisfies(r -> {
            assertThat(r.reference()).isEqualTo("SG-1");
            assertThat(r.role()).isEqualTo("safeguarding_lead");
            assertThat(r.actor()).isEqualTo(new Actor(Platform.TEAMS, "29:pat", "aad-29:pat"));
            assertThat(r.noticeId()).isEqualTo(thread);
        });
        assertThat(fake.connectorRequests()).noneMatch(r -> r.getUrl().contains("19:dsl"));
        LoggedRequest refusal = fake.connectorRequests().stream().filter(r -> r.getUrl().endsWith("/activities"))
                .findFirst().orElseThrow();
        assertThat(refusal.getUrl()).isEqualTo("/v3/conversations/a:private-29:pat/activities");
        assertThat(refusal.getBodyAsString()).contains("That acknowledgement was not accepted").doesNotContain("SG-1");
    }

    @Test
    void givenAcknowledgeByAllowedUser_thenCardUpdated() {
        nextAck.set(new AcknowledgementOutcome(AcknowledgementOutcome.Status.ACCEPTED, "SG-1", Role.SAFEGUARDING_LEAD,
                new Acknowledgement("SG-1", "safeguarding_lead", "teams:29:dee", Instant.parse("2026-11-28T10:15:00Z")),
                java.time.ZoneId.of("Europe/London")));
        String thread = "19:dsl@thread.tacv2;messageid=901";

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:dee", thread, "901",
                "{\"sga\":\"ack\",\"ref\":\"SG-1\",\"role\":\"safeguarding_lead\"}"));

        Await.until(() -> fake.connectorRequests().size() == 1);
        LoggedRequest update = fake.connectorRequests().get(0);
        assertThat(update.getMethod().value()).isEqualTo("PUT");
        assertThat(update.getUrl()).endsWith("/activities/901");
        assertThat(update.getBodyAsString()).contains("Acknowledged by 29:dee at 28 Nov 2026 10:15 UTC", "\"actions\":[]");
    }
}
