package org.sga.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.sga.core.conversation.Choice;
import org.sga.core.conversation.Citation;
import org.sga.core.conversation.InboundMessage;
import org.sga.core.conversation.ProcessedEvents;
import org.sga.core.conversation.Reply;
import org.sga.core.testkit.MemoryStore;

/** /api/messages: who gets in, what the core is given, and what Teams gets back. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamsEndpointTest {

    /** The core's storage ports in memory, from its test kit. */
    private final MemoryStore stores = new MemoryStore(Clock.systemUTC());

    static final Citation CITATION = new Citation("child-abuse-and-ict#4.4", "Child abuse and IT §4.4", "Images",
            "seed-1", LocalDate.of(2026, 11, 28), "https://example.org/procedures/ict");

    final BotFrameworkFake fake = new BotFrameworkFake();
    final List<InboundMessage> received = new CopyOnWriteArrayList<>();
    final ProcessedEvents events = stores.processedEvents();
    final InMemoryConversationReferences references = new InMemoryConversationReferences();
    Teams teams;
    String serviceUrl;

    @BeforeAll
    void start() {
        serviceUrl = fake.base();
        teams = new Teams(fake.settings(), new Teams.Collaborators(message -> {
            received.add(message);
            return new Reply(Reply.Kind.ANSWER, null, "Preserve the evidence.", CITATION, List.of(),
                    List.of(new Choice("report a concern", "Start triage")), List.of());
        }, events, stores.conversations(), references, TestPorts.NO_ACKNOWLEDGEMENTS,
                Feedback.NONE), 4, 100);
    }

    @AfterAll
    void stop() {
        teams.close();
        fake.close();
    }

    @BeforeEach
    void reset() {
        received.clear();
        fake.server().resetRequests();
    }

    private TeamsEndpoint.Result send(String authorization, String activity) {
        return teams.endpoint().receive(authorization, Activities.bytes(activity));
    }

    private String message(String text) {
        return Activities.personalMessage(serviceUrl, BotFrameworkFake.nextId(), "29:sam", text);
    }

    @Nested
    class Tokens {

        @Test
        void givenValidToken_thenAcceptedAndAnswered() {
            TeamsEndpoint.Result result = send("Bearer " + fake.token(serviceUrl), message("nudes going round school"));

            assertThat(result.status()).isEqualTo(202);
            Await.until(() -> fake.connectorRequests().size() == 1);
            assertThat(received).singleElement().satisfies(m -> {
                assertThat(m.platform()).isEqualTo("teams");
                assertThat(m.text()).isEqualTo("nudes going round school");
                assertThat(m.hasFiles()).isFalse();
                assertThat(m.sharedChannel()).isFalse();
            });
            fake.server().verify(postRequestedFor(urlPathMatching("/v3/conversations/" + Activities.PERSONAL_CHAT + "/activities/[0-9]+"))
                    .withHeader("Authorization", equalTo("Bearer " + BotFrameworkFake.CONNECTOR_TOKEN)));
        }

        @Test
        void givenExpiredToken_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.expiredToken(serviceUrl));
        }

        @Test
        void givenTokenForAnotherBot_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.tokenForAudience("another-bot", serviceUrl));
        }

        @Test
        void givenTokenForAnotherServiceUrl_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.token("https://attacker.example/"));
        }

        @Test
        void givenWrongSignature_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.tokenWithWrongSignature(serviceUrl));
        }

        @Test
        void givenKeyNotEndorsedForTeams_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.tokenFromKeyNotEndorsedForTeams(serviceUrl));
        }

        @Test
        void givenAnotherIssuer_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.tokenFromIssuer("https://evil.example", serviceUrl));
        }

        @Test
        void givenNoToken_thenRefusedAndNothingProcessed() {
            assertRefused(null);
        }

        @Test
        void givenGarbageToken_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer not.a.jwt");
        }

        @Test
        void givenATokenWithoutAnExpiry_thenRefusedAndNothingProcessed() {
            assertRefused("Bearer " + fake.tokenWithoutExpiry(serviceUrl));
        }

        @Test
        void givenNoToken_thenRefusedWithoutReadingTheBody() throws Exception {
            assertThat(teams.endpoint().receive(null, -1, unreadable()).status()).isEqualTo(401);
            assertThat(teams.endpoint().receive("Bearer " + fake.expiredToken(serviceUrl), -1, unreadable()).status())
                    .isEqualTo(401);
        }

        @Test
        void givenABodyDeclaredAboveTheLimit_thenRefusedWithoutReadingIt() throws Exception {
            assertThat(teams.endpoint().receive("Bearer " + fake.token(serviceUrl), TeamsEndpoint.MAX_BODY + 1L, unreadable())
                    .status()).isEqualTo(413);
        }

        @Test
        void givenAnUndeclaredBodyAboveTheLimit_thenReadNoFurtherThanTheLimit() throws Exception {
            java.util.concurrent.atomic.AtomicLong read = new java.util.concurrent.atomic.AtomicLong();
            java.io.InputStream endless = new java.io.InputStream() {
                @Override
                public int read() {
                    read.incrementAndGet();
                    return 'x';
                }
            };
            assertThat(teams.endpoint().receive("Bearer " + fake.token(serviceUrl), -1, endless).status()).isEqualTo(413);
            assertThat(read.get()).isEqualTo(TeamsEndpoint.MAX_BODY + 1L);
        }

        /** A body that fails the test if anything reads it. */
        private java.io.InputStream unreadable() {
            return new java.io.InputStream() {
                @Override
                public int read() {
                    throw new AssertionError("the body was read");
                }
            };
        }

        private void assertRefused(String authorization) {
            String chat = "a:1chat-" + BotFrameworkFake.nextId();
            TeamsEndpoint.Result result = send(authorization, message("hello").replace(Activities.PERSONAL_CHAT, chat));

            assertThat(result.status()).isEqualTo(401);
            Await.holds(() -> received.isEmpty() && fake.connectorRequests().isEmpty());
            assertThat(received).isEmpty();
            assertThat(fake.connectorRequests()).isEmpty();
            assertThat(references.find(chat)).isEmpty();
        }
    }

    @Nested
    class Messages {

        @Test
        void givenSameActivityTwice_thenAnsweredOnce() {
            String activity = message("what do I do");
            String token = "Bearer " + fake.token(serviceUrl);

            assertThat(send(token, activity).status()).isEqualTo(202);
            assertThat(send(token, activity).status()).isEqualTo(202);

            Await.until(() -> fake.connectorRequests().size() >= 1);
            Await.holds(() -> received.size() == 1 && fake.connectorRequests().size() == 1);
            assertThat(received).hasSize(1);
            assertThat(fake.connectorRequests()).hasSize(1);
        }

        @Test
        void givenPastedImage_thenCoreToldOfFilesAndNothingFetched() {
            send("Bearer " + fake.token(serviceUrl), Activities.personalMessageWithImage(serviceUrl, BotFrameworkFake.nextId(), "29:sam"));

            Await.until(() -> fake.connectorRequests().size() == 1);
            assertThat(received).singleElement().satisfies(m -> assertThat(m.hasFiles()).isTrue());
            assertThat(fake.server().getAllServeEvents()).noneMatch(e -> e.getRequest().getUrl().contains("/attachments/"));
            assertThat(fake.connectorRequests().get(0).getBodyAsString()).doesNotContain("contentUrl");
        }

        @Test
        void givenChannelMention_thenMentionRemovedAndSharedChannel() {
            String id = BotFrameworkFake.nextId();
            send("Bearer " + fake.token(serviceUrl), Activities.channelMention(serviceUrl, id, "29:sam", "who is our DSL?"));

            Await.until(() -> fake.connectorRequests().size() == 1);
            assertThat(received).singleElement().satisfies(m -> {
                assertThat(m.text()).isEqualTo("who is our DSL?");
                assertThat(m.sharedChannel()).isTrue();
                assertThat(m.conversationId()).isEqualTo(Activities.CHANNEL + ";messageid=" + id);
            });
            assertThat(references.find(Activities.CHANNEL)).hasValueSatisfying(r -> {
                assertThat(r.serviceUrl()).isEqualTo(serviceUrl);
                assertThat(r.tenantId()).isEqualTo(BotFrameworkFake.TENANT_ID);
            });
        }

        @Test
        void givenBotAddedToTeam_thenReferenceStoredAndNothingSaid() {
            assertThat(send("Bearer " + fake.token(serviceUrl), Activities.botAddedToTeam(serviceUrl, BotFrameworkFake.nextId())).status())
                    .isEqualTo(202);

            Await.until(() -> references.find(Activities.CHANNEL).isPresent());
            Await.holds(() -> received.isEmpty() && fake.connectorRequests().isEmpty());
            assertThat(received).isEmpty();
            assertThat(fake.connectorRequests()).isEmpty();
        }

        @Test
        void givenAMessageWithoutASender_thenBadRequestAndNothingProcessed() {
            String noSender = message("hello").replaceAll("\"from\":\\{[^}]*},", "");
            assertThat(noSender).doesNotContain("\"from\"");
            // Refused before any work is queued, so nothing can reach the core afterwards.
            assertThat(send("Bearer " + fake.token(serviceUrl), noSender).status()).isEqualTo(400);
            assertThat(received).isEmpty();
        }

        @Test
        void givenUnreadableBody_thenBadRequest() {
            assertThat(teams.endpoint().receive("Bearer " + fake.token(serviceUrl), Activities.bytes("{not json")).status())
                    .isEqualTo(400);
        }

        @Test
        void givenAnswer_thenAdaptiveCardWithCitationAndButtons() {
            send("Bearer " + fake.token(serviceUrl), message("nudes"));

            Await.until(() -> fake.connectorRequests().size() == 1);
            String body = fake.connectorRequests().get(0).getBodyAsString();
            assertThat(body).contains("application/vnd.microsoft.card.adaptive", "Preserve the evidence.",
                    "Child abuse and IT §4.4 (procedure version: not stated; procedure review date: not stated)",
                    "Content seed-1, last reviewed 2026-11-28", "Start triage", "Helpful", "Not helpful",
                    "\"sga\":\"feedback\"");
        }
    }
}
