package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.core.guidance.ShippedGuidance;
import org.sga.core.search.ShippedIndex;

/** Scripted conversations against the core, no platform in between. */
class AssistantTest {

    private final Assistant assistant = ShippedGuidance.ASSISTANT;

    private Reply say(String text) {
        return assistant.handle(InboundMessage.direct("test", "u1", text));
    }

    @Nested
    class Answering {

        @Test
        void givenAQuestion_thenTheSectionTextIsQuotedWithItsCitation() {
            Reply reply = say("a pupil's nudes are going round school, what do I do?");
            assertThat(reply.kind()).isEqualTo(Reply.Kind.ANSWER);
            String id = reply.citation().sectionId();
            // The section as published, after the lead-in it is shown with when it has one.
            String published = ShippedIndex.LIBRARY.shownWith(id).stream().sorted()
                    .map(s -> ShippedIndex.LIBRARY.section(s).orElseThrow().text().strip()).reduce((a, b) -> a + "\n\n" + b).orElseThrow();
            assertThat(published).startsWith(reply.text().split("\n\\[…]")[0]);
            assertThat(reply.citation().label()).startsWith("Child abuse and Information Technology §");
            assertThat(reply.citation().version()).isNotBlank();
            assertThat(reply.citation().lastReviewed()).isNotNull();
            assertThat(reply.seeAlso()).hasSizeLessThanOrEqualTo(2).noneMatch(c -> c.sectionId().equals(id));
            assertThat(reply.urgent()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a boy is being hurt right now by someone he met online",
            "she says he is going to hurt her tonight",
            "he is threatening to kill himself because the pictures got out",
            "a child is in danger, photos are being shared"})
        void givenImmediateDanger_thenTheFirstLineSaysCall999(String text) {
            Reply reply = say(text);
            assertThat(reply.urgent()).contains("call 999");
        }

        @Test
        void givenAQuestionForADetailTheProcedureDoesNotGive_thenItSaysSoAndContentOwnersAreToldWhatWasMissing() {
            java.util.List<String> topics = new java.util.ArrayList<>();
            // Without the topics not covered, one of which (records) would decline this question first.
            Assistant listening = new Assistant(ShippedIndex.HYBRID_WITHOUT_TOPICS, new Answers(ShippedIndex.LIBRARY),
                    DangerSignals.parse(ShippedIndex.resource("search/danger.yml"), "danger.yml"), null, null, new ConversationEvents() {
                        @Override
                        public void notConfident(String platform, String question, String topic) {
                            topics.add(topic);
                        }
                    });

            Reply reply = listening.handle(InboundMessage.direct("test", "u1",
                    "how long must the copies of the images be stored before they can be destroyed"));

            assertThat(reply.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);
            assertThat(reply.text()).contains("asks for a length of time").contains("safeguarding lead");
            assertThat(reply.seeAlso()).isNotEmpty();
            assertThat(topics).containsExactly("Not stated in the procedure: a length of time");
        }

        @Test
        void givenATopicOfAnotherProcedure_thenItNamesTheTopicAndDoesNotStretchASection() {
            Reply reply = say("a year 6 girl says she will be taken abroad in the summer to be cut, I'm worried about FGM");
            assertThat(reply.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);
            assertThat(reply.text()).contains("Female genital mutilation").contains("do not cover").contains("safeguarding lead");
        }

        @Test
        void givenAnOutOfScopeQuestion_thenItSaysSoAndPointsToTheSafeguardingLead() {
            Reply reply = say("how many days of annual leave do I get");
            assertThat(reply.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);
            assertThat(reply.text()).contains("not sure").contains("safeguarding lead");
            assertThat(reply.citation()).isNull();
            assertThat(reply.seeAlso()).hasSizeLessThanOrEqualTo(3);
        }
    }

    @Nested
    class BadInput {

        @Test
        void emptyMessageGetsAPrompt() {
            assertThat(say("   ").text()).contains("Type a question");
        }

        @Test
        void punctuationOnlyGetsAClearReply() {
            assertThat(say("?!?!...").text()).contains("couldn't find any words");
        }

        @Test
        void aVeryLongMessageIsAnsweredAndSaysWhatWasSearched() {
            Reply reply = say("someone posted nude pictures of my pupil online ".repeat(900));
            assertThat(reply.notes()).anyMatch(n -> n.contains("first 1,000"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"😀", "\u0000\u0001\u0002", "*:* AND OR (((", "儿童", "\\\\\\"})
        void oddInputNeverThrows(String text) {
            assertThat(say(text)).isNotNull();
        }
    }

    @Nested
    class Files {

        @Test
        void givenAMessageWithFiles_thenImageGuidanceIsGivenAndNothingIsEchoed() {
            String secret = "look at this picture of the girl";
            Reply reply = assistant.handle(new InboundMessage("test", "c1", "u1", secret, true, false));
            assertThat(reply.kind()).isEqualTo(Reply.Kind.IMAGE_GUIDANCE);
            assertThat(reply.text()).contains("do not send, forward, copy or download").doesNotContain(secret);
            assertThat(reply.guidance()).extracting(Reply.Card::id).containsExactly("IMAGES_DO_NOT_SHARE");
            assertThat(reply.citation().sectionId()).isEqualTo("child-abuse-and-ict#4.4");
        }
    }

    @Test
    void helpSaysWhatTheBotDoes() {
        Reply reply = say("help");
        assertThat(reply.kind()).isEqualTo(Reply.Kind.HELP);
        assertThat(reply.text()).contains("report a concern").contains("999");
    }

    @Test
    void longSectionsAreCutAtASentenceEnd() {
        String text = "First sentence is here. ".repeat(60).strip();
        String trimmed = Answers.trim(text);
        assertThat(trimmed.length()).isLessThan(text.length());
        assertThat(trimmed.split("\n")[0]).endsWith(".");
    }
}
