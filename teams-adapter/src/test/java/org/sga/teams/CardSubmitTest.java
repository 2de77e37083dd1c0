package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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

/** Button clicks: each card answers once, and is shown again without its buttons. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardSubmitTest {

    final BotFrameworkFake fake = new BotFrameworkFake();
    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final List<Feedback.Vote> votes = new CopyOnWriteArrayList<>();
    final AtomicReference<AcknowledgeOutcome> nextAck = new AtomicReference<>();
    final List<TeamsUser> ackClicks = new CopyOnWriteArrayList<>();
    Teams teams;
    String serviceUrl;

    @BeforeAll
    void start() {
        serviceUrl = fake.base();
        teams = new Teams(fake.settings(), new Teams.Collaborators(message -> {
            received.add(message);
            return new Reply(Reply.Kind.TRIAGE_QUESTION, null, "Is a child in immediate danger?", null, List.of(),
                    List.of(new Choice("Yes", "Yes"), new Choice("No", "No")), List.of());
        }, new MemoryStores.Events(), new MemoryStores.Conversations(), new InMemoryConversationReferences(),
                (ref, role, user) -> {
                    ackClicks.add(user);
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
        Await.settle();
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
    void givenAcknowledgeByUserNotAllowed_thenRefusedAndCardLeftOpen() {
        nextAck.set(AcknowledgeOutcome.notAllowed());
        String thread = "19:dsl@thread.tacv2;messageid=900";

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:pat", thread, "900",
                "{\"sga\":\"ack\",\"ref\":\"SG-1\",\"role\":\"dsl\"}"));

        Await.until(() -> fake.connectorRequests().size() == 1);
        assertThat(ackClicks).singleElement().isEqualTo(new TeamsUser("29:pat", "aad-29:pat", "29:pat"));
        LoggedRequest reply = fake.connectorRequests().get(0);
        assertThat(reply.getMethod().value()).isEqualTo("POST");
        assertThat(reply.getBodyAsString()).contains("cannot acknowledge");
    }

    @Test
    void givenAcknowledgeByAllowedUser_thenCardUpdated() {
        nextAck.set(AcknowledgeOutcome.acknowledged("Dee Lead", Instant.parse("2026-11-28T10:15:00Z")));
        String thread = "19:dsl@thread.tacv2;messageid=901";

        post(Activities.submit(serviceUrl, BotFrameworkFake.nextId(), "29:dee", thread, "901",
                "{\"sga\":\"ack\",\"ref\":\"SG-1\",\"role\":\"dsl\"}"));

        Await.until(() -> fake.connectorRequests().size() == 1);
        LoggedRequest update = fake.connectorRequests().get(0);
        assertThat(update.getMethod().value()).isEqualTo("PUT");
        assertThat(update.getUrl()).endsWith("/activities/901");
        assertThat(update.getBodyAsString()).contains("Acknowledged by Dee Lead at 28 Nov 2026 10:15 UTC", "\"actions\":[]");
    }
}
