package org.sga.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.sga.core.conversation.InboundMessage;

/** Scripted conversations through the real endpoint: signed requests in, Web API calls out to WireMock. */
class ConversationFlowTest {

    private ScriptedCore core;
    private List<FeedbackRecorder.Feedback> feedback;
    private SlackEndpoint endpoint;
    private SlackFake slack;

    @BeforeEach
    void start() {
        core = new ScriptedCore();
        feedback = new CopyOnWriteArrayList<>();
        endpoint = new SlackEndpoint(core.behindPrivateChats(), ScriptedCore.NO_ACKNOWLEDGEMENTS, feedback::add,
                Clock.systemUTC());
        slack = endpoint.slack;
    }

    @AfterEach
    void stop() throws Exception {
        endpoint.close();
    }

    private Map<String, String> lastPost() {
        List<Map<String, String>> posts = slack.calls("chat.postMessage");
        return posts.get(posts.size() - 1);
    }

    private void awaitPosts(int n) {
        SlackFake.await(n + " posts", () -> slack.count("chat.postMessage") >= n);
    }

    @Nested
    class Mentions {
        @Test
        void givenQuestionInChannel_thenAnswerInThreadWithCitationSeeAlsoTriageAndFeedback() {
            assertThat(endpoint.requests.event(Events.mention(Events.newEventId(), "CSTAFF", "U1", "what does 4.4 say"))
                    .statusCode()).isEqualTo(200);
            awaitPosts(1);
            Map<String, String> post = lastPost();
            assertThat(post.get("channel")).isEqualTo("CSTAFF");
            assertThat(post.get("thread_ts")).isEqualTo("1700000001.000200");
            assertThat(post.get("blocks"))
                    .contains("&lt;Tell&gt; the *DSL* &amp; police")
                    .contains("Child abuse and IT §4.4").contains("Content seed-1")
                    .contains("See also Child abuse and IT §7.2")
                    .contains("Start triage").contains("sga_helpful").contains("sga_not_helpful");
            InboundMessage asked = core.received.getFirst();
            assertThat(asked.text()).isEqualTo("what does 4.4 say");
            assertThat(asked.sharedChannel()).isTrue();
            assertThat(asked.conversationId()).isEqualTo("CSTAFF");
        }

        @Test
        void givenDisclosureInChannel_thenShortReplyThereAndTheConversationGoesOnInDm() {
            endpoint.requests.event(Events.mention(Events.newEventId(), "CSTAFF", "U1", "a pupil told me her uncle hits her"));
            awaitPosts(2);
            List<Map<String, String>> posts = slack.calls("chat.postMessage");
            assertThat(posts.get(0).get("channel")).isEqualTo("CSTAFF");
            assertThat(posts.get(0).get("thread_ts")).isEqualTo("1700000001.000200");
            assertThat(posts.get(0).get("text")).contains("private message").doesNotContain("uncle");
            assertThat(posts.get(1).get("channel")).isEqualTo(SlackFake.DM);
            assertThat(slack.calls("conversations.open").getFirst().get("users")).isEqualTo("U1");
            assertThat(core.received).singleElement().satisfies(m -> {
                assertThat(m.conversationId()).isEqualTo(SlackFake.DM);
                assertThat(m.sharedChannel()).isFalse();
            });
        }

        @Test
        void givenSameEventDeliveredTwice_thenOneReply() {
            String id = Events.newEventId();
            String body = Events.mention(id, "CSTAFF", "U1", "what does 4.4 say");
            assertThat(endpoint.requests.event(body).statusCode()).isEqualTo(200);
            assertThat(endpoint.requests.event(body, 1).statusCode()).isEqualTo(200);
            awaitPosts(1);
            SlackFake.holds("one answer to one event", () -> slack.count("chat.postMessage") == 1
                    && core.received.size() == 1);
        }
    }

    @Nested
    class DirectMessages {
        @Test
        void givenQuestionInDm_thenAnswerInDm() {
            endpoint.requests.event(Events.direct(Events.newEventId(), "U1", "what does 4.4 say"));
            awaitPosts(1);
            assertThat(lastPost().get("channel")).isEqualTo(SlackFake.DM);
            assertThat(lastPost()).doesNotContainKey("thread_ts");
        }

        @Test
        void givenFileUpload_thenImageGuidanceAndTheFileIsNeverFetched() {
            endpoint.requests.event(Events.fileShare(Events.newEventId(), "U1"));
            awaitPosts(1);
            SlackFake.holds("one message handed to the core", () -> core.received.size() == 1);
            assertThat(core.received).singleElement().satisfies(m -> assertThat(m.hasFiles()).isTrue());
            assertThat(lastPost().get("blocks")).contains("do not send images").doesNotContain("photo.jpg").doesNotContain("F1");
            assertThat(slack.allPaths()).noneMatch(p -> p.contains("files") || p.contains("F1"));
        }

        @Test
        void givenMentionWithFileInChannel_thenGuidanceGoesToDm() {
            String body = Events.mention(Events.newEventId(), "CSTAFF", "U1", "look at this")
                    .replace("\"ts\":", "\"files\":[{\"id\":\"F2\",\"url_private\":\"http://localhost:1/F2\"}],\"ts\":");
            endpoint.requests.event(body);
            awaitPosts(2);
            assertThat(core.received).singleElement().satisfies(m -> assertThat(m.hasFiles()).isTrue());
            assertThat(slack.calls("chat.postMessage").get(1).get("channel")).isEqualTo(SlackFake.DM);
        }

        @Test
        void givenEditedMessage_thenAckedAndIgnored() {
            String body = Events.callback(Events.newEventId(), "{\"type\":\"message\",\"subtype\":\"message_changed\","
                    + "\"channel_type\":\"im\",\"channel\":\"" + SlackFake.DM + "\",\"ts\":\"1.2\",\"event_ts\":\"1.2\"}");
            assertThat(endpoint.requests.event(body).statusCode()).isEqualTo(200);
            SlackFake.holds("nothing handed to the core", core.received::isEmpty);
        }
    }

    @Nested
    class SlashCommand {
        @Test
        void givenQuestion_thenEphemeralAnswerThroughResponseUrl() {
            var r = endpoint.requests.form(Events.slashCommand("U1", "CSTAFF", "what does 4.4 say", slack.responseUrl("cmd1")));
            assertThat(r.statusCode()).isEqualTo(200);
            SlackFake.await("the response", () -> slack.responses().size() == 1);
            String body = slack.responseBodies().getFirst();
            assertThat(body).contains("\"response_type\":\"ephemeral\"").contains("Child abuse and IT §4.4");
            assertThat(slack.count("chat.postMessage")).isZero();
        }

        @Test
        void givenReport_thenTriageStartsInDm() {
            endpoint.requests.form(Events.slashCommand("U1", "CSTAFF", "report", slack.responseUrl("cmd2")));
            awaitPosts(1);
            assertThat(lastPost().get("channel")).isEqualTo(SlackFake.DM);
            assertThat(lastPost().get("blocks")).contains("Is a child in immediate danger?").contains("sga_answer:0");
            SlackFake.await("the pointer", () -> slack.responses().size() == 1);
            assertThat(slack.responseBodies().getFirst()).contains("private message");
            assertThat(core.received).singleElement().satisfies(m -> {
                assertThat(m.conversationId()).isEqualTo(SlackFake.DM);
                assertThat(m.sharedChannel()).isFalse();
            });
        }
    }

    @Nested
    class Triage {
        @Test
        void givenButtons_thenEachAnsweredQuestionLosesItsButtonsAndTheOutcomeIsAChecklist() {
            String q1 = "[{\"type\":\"section\",\"block_id\":\"q\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"Is a child in immediate danger?\"}},"
                    + "{\"type\":\"actions\",\"block_id\":\"answers\",\"elements\":[]}]";
            // Start triage under an answer in a channel: the report moves to the DM.
            endpoint.requests.interaction(Events.click("U1", "CSTAFF", "1700000010.1", "sga_choice:0", "Start triage",
                    "report a concern", "[]", slack.responseUrl("c0")));
            awaitPosts(1);
            assertThat(lastPost().get("channel")).isEqualTo(SlackFake.DM);
            assertThat(lastPost().get("blocks")).contains("Is a child in immediate danger?");

            endpoint.requests.interaction(Events.click("U1", SlackFake.DM, "1700000011.1", "sga_answer:1", "No", "no", q1,
                    slack.responseUrl("c1")));
            awaitPosts(2);
            SlackFake.await("the update", () -> slack.count("chat.update") == 1);
            Map<String, String> update = slack.calls("chat.update").getFirst();
            assertThat(update.get("ts")).isEqualTo("1700000011.1");
            assertThat(update.get("channel")).isEqualTo(SlackFake.DM);
            assertThat(update.get("blocks")).contains("Is a child in immediate danger?").contains("You answered: *No*")
                    .doesNotContain("\"actions\"");
            assertThat(lastPost().get("blocks")).contains("Was an image shared?");

            // A second click on the same question is not a second answer.
            endpoint.requests.interaction(Events.click("U1", SlackFake.DM, "1700000011.1", "sga_answer:0", "Yes", "yes", q1,
                    slack.responseUrl("c1b")));
            SlackFake.holds("no second answer", () -> slack.count("chat.postMessage") == 2);

            endpoint.requests.interaction(Events.click("U1", SlackFake.DM, "1700000012.1", "sga_answer:0", "Yes", "yes", "[]",
                    slack.responseUrl("c2")));
            awaitPosts(3);
            assertThat(lastPost().get("blocks")).contains("What you do now").contains("Tell the DSL").contains("Child abuse and IT §4.4");
            assertThat(core.received).extracting(InboundMessage::text).containsExactly("report a concern", "no", "yes");
        }
    }

    @Nested
    class Feedback {
        @Test
        void givenHelpfulPressedTwice_thenRecordedOnceWithoutText() {
            String value = "child-abuse-and-ict#4.4|seed-1";
            for (int i = 0; i < 2; i++) {
                endpoint.requests.interaction(Events.click("U1", "CSTAFF", "1700000020.1", "sga_helpful", "Helpful", value, "[]",
                        slack.responseUrl("f" + i)));
            }
            SlackFake.await("thanks", () -> slack.responses().size() == 2);
            assertThat(feedback).containsExactly(new FeedbackRecorder.Feedback("slack", "child-abuse-and-ict#4.4", "seed-1", true));
        }
    }

    @Test
    void givenHomeOpened_thenHomeWithReportButtonPublished() {
        endpoint.requests.event(Events.homeOpened(Events.newEventId(), "U1"));
        SlackFake.await("views.publish", () -> slack.count("views.publish") == 1);
        Map<String, String> call = slack.calls("views.publish").getFirst();
        assertThat(call.get("user_id")).isEqualTo("U1");
        assertThat(call.get("view")).contains("Report a concern").contains("sga_report");
    }
}
