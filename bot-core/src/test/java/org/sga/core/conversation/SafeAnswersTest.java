package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.core.guidance.ShippedGuidance;
import org.sga.core.search.ShippedIndex;

/** The replies a designated safeguarding lead graded unsafe or misleading, scripted against the core. */
class SafeAnswersTest {

    private static final String SLUG = "child-abuse-and-ict#";

    private static Reply say(String text) {
        return ShippedGuidance.ASSISTANT.handle(InboundMessage.direct("test", "u1", text));
    }

    private static List<String> cards(Reply reply) {
        return reply.guidance().stream().map(Reply.Card::id).toList();
    }

    private static String quoted(Reply reply) {
        return reply.answered() ? reply.citation().sectionId() : null;
    }

    @Nested
    class DangerFirst {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "a year 8 just told me a man she met on a game is coming to meet her after school today|ADULT_SOLICITING",
            "a year 7 says she is meeting a man from snapchat tonight|ADULT_SOLICITING",
            "someone is threatening to send his nudes to everyone unless he pays £500 tonight|SEXTORTION",
            "a boy says men are making him do things on webcam at this very moment|ADULT_SOLICITING"})
        void givenAnEmergency_thenThe999LineComesFirstWithTheCard_andNoChildWhoHarmsIsQuoted(String message, String card) {
            Reply reply = say(message);
            assertThat(reply.urgent()).contains("call 999");
            assertThat(cards(reply)).contains(card);
            assertThat(quoted(reply)).isNotEqualTo(SLUG + "3.4");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a girl we look after has gone out to meet someone she met on an app",
            "he's just left to meet up with a lad he plays with on xbox"})
        void givenAChildGoneToMeetSomeoneFromOnline_thenThe999LineComesFirst(String message) {
            assertThat(say(message).urgent()).contains("call 999");
        }

        @Test
        void givenAMeetingWithSomeoneFromOnlineLongPast_thenNo999Line() {
            assertThat(say("she went to meet someone she met online, two years ago, and it was dealt with").urgent()).isNull();
        }

        @Test
        void givenAThreatAtHome_thenThe999LineComesFirst() {
            assertThat(say("she says her stepdad will hurt her when she gets home").urgent()).contains("call 999");
        }
    }

    @Nested
    class CardsAndTheQuoteTheyAllow {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "can I forward the nudes to the DSL on WhatsApp?|5.2",
            "can I screenshot the image and email it to the DSL?|6.1",
            "can I send you the photo so you can tell me if it's illegal?|4.1",
            "should I look at the images?|3.3"})
        void givenAQuestionAboutSharingAnImage_thenTheCardSaysDont_andNoQuoteReadsAsYes(String message, String wrong) {
            Reply reply = say(message);
            assertThat(cards(reply)).first().isEqualTo("IMAGES_DO_NOT_SHARE");
            assertThat(reply.guidance().getFirst().never()).contains("Never view");
            assertThat(quoted(reply)).isNotIn(SLUG + wrong, SLUG + "6.1", SLUG + "5.2", SLUG + "4.1");
            assertThat(reply.urgent()).isNull();
        }

        @Test
        void givenACardAndASectionItRestsOnAmongTheBestFew_thenThatSectionIsQuotedRatherThanADefinition() {
            String question = "can I send the photo here so you can tell me if it counts as indecent?";
            List<String> best = ShippedIndex.HYBRID.search(question, 3).hits().stream().map(h -> h.section().globalId()).toList();
            assertThat(best).first().isEqualTo(SLUG + "1.2");
            assertThat(best).contains(SLUG + "7.2");

            Reply reply = say(question);
            assertThat(cards(reply)).containsExactly("IMAGES_DO_NOT_SHARE");
            assertThat(quoted(reply)).isEqualTo(SLUG + "7.2");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"what is sextortion?", "whats sextortion? it came up on a course today",
            "what does sexting mean?"})
        void givenAQuestionThatAsksWhatAWordMeans_thenNoCardIsShown(String question) {
            Reply reply = say(question);
            assertThat(cards(reply)).isEmpty();
            assertThat(reply.urgent()).isNull();
        }

        @Test
        void givenWhatSextortionMeans_thenTheQuoteIsNotTheSectionOnChildrenWhoHarm() {
            // The procedure never names sextortion; its nearest words are the grooming of a child into making images.
            assertThat(quoted(say("what is sextortion?"))).isEqualTo(SLUG + "1.2");
        }

        @Test
        void givenABoyBlackmailedWithHisImages_thenHeIsTreatedAsAVictim() {
            Reply reply = say("a boy is being blackmailed with his nudes");
            assertThat(cards(reply)).contains("SEXTORTION");
            assertThat(reply.guidance().getFirst().first()).contains("done nothing wrong");
            assertThat(quoted(reply)).isNotIn(SLUG + "3.4", SLUG + "4.1");
        }

        @Test
        void givenTellingTheColleague_thenTheCardSaysDont() {
            Reply reply = say("should I tell the colleague that I have reported them?");
            assertThat(cards(reply)).contains("DO_NOT_TIP_OFF");
            assertThat(reply.guidance().getFirst().first()).startsWith("Don't tell");
        }

        @Test
        void givenAPromiseOfSecrecy_thenTheCardSaysItCannotBeKept_andTheColleagueSectionIsNotQuoted() {
            Reply reply = say("a pupil made me promise not to tell");
            assertThat(cards(reply)).contains("NO_SECRECY");
            assertThat(quoted(reply)).isNotEqualTo(SLUG + "6.1");
        }

        @Test
        void givenSearchingThePupilsPhone_thenPreserveCopiesIsNotTheAnswer() {
            Reply reply = say("should I ask the pupil to show me all the messages on her phone?");
            assertThat(cards(reply)).contains("DO_NOT_SEARCH");
            assertThat(quoted(reply)).isNotEqualTo(SLUG + "6.1");
        }

        @Test
        void givenAnAdultAskingForNudes_thenItIsAbuseAndThePoliceAreNamed() {
            Reply reply = say("an adult on instagram asked a pupil for nudes");
            assertThat(cards(reply)).contains("ADULT_SOLICITING");
            assertThat(reply.guidance().getFirst().text()).contains("police");
            assertThat(quoted(reply)).isNotIn(SLUG + "4.1", SLUG + "3.4");
        }
    }

    @Nested
    class KindOfConcern {

        @Test
        void givenTheSafeguardingLeadIsTheSubject_thenDiscussItWithTheSafeguardingLeadIsNotTheAnswer() {
            String question = "I have a concern about our safeguarding lead, he keeps adding pupils on instagram. who do I discuss it with?";
            assertThat(ShippedIndex.HYBRID.search(question, 1).hits().getFirst().section().globalId()).isEqualTo(SLUG + "5.2");

            assertThat(quoted(say(question))).isEqualTo(SLUG + "6.1");
            assertThat(quoted(say("who do I discuss a concern with?"))).isEqualTo(SLUG + "5.2");
        }

        @Test
        void givenAParentsConcernAboutImagesAtHome_thenTheSectionOnConcernsAboutAnAdultAnswers() {
            assertThat(quoted(say("a parent has found indecent images of children on the family computer"))).isEqualTo(SLUG + "5.3");
        }

        @Test
        void givenAVictimsQuestion_thenTheSectionOnChildrenWhoHarmIsNotQuoted() {
            assertThat(quoted(say("someone has got hold of her nude and is threatening to post it"))).isNotEqualTo(SLUG + "3.4");
        }

        @Test
        void givenAQuestionAboutAChildWhoHarms_thenThatSectionStillAnswers() {
            Reply reply = say("what happens to a pupil under 18 who has been abusing other children online");
            assertThat(quoted(reply)).isEqualTo(SLUG + "3.4");
        }
    }

    @Nested
    class OrderAndCitation {

        @Test
        void givenAQuestionThatAsksWhatToDo_thenTheNextStepLeadsTheQuoteAndCitesIt() {
            Reply reply = say("a pupil's nudes are going round school, what do I do?");
            assertThat(quoted(reply)).isNotEqualTo(SLUG + "4.1");
            assertThat(reply.nextStep()).isNotNull();
            assertThat(reply.nextStep().source().sectionId()).isEqualTo(quoted(reply));
        }

        @Test
        void givenAQuestionThatAsksNothingToDo_thenThereIsNoNextStep() {
            Reply reply = say("what does sexting mean?");
            assertThat(reply.guidance()).isEmpty();
            assertThat(reply.nextStep()).isNull();
            assertThat(quoted(reply)).isEqualTo(SLUG + "4.1");
        }

        @Test
        void theCitationShowsTheProceduresOwnDatesApartFromTheContents() {
            Citation c = say("what does sexting mean?").citation();
            assertThat(c.procedureVersion()).isEqualTo("not stated");
            assertThat(c.procedureReviewed()).isEqualTo("not stated");
            assertThat(c.full()).contains("procedure version: not stated").doesNotContain("seed-1");
            assertThat(c.content()).contains("seed-1").contains("2026-11-28");
        }

        @Test
        void givenALongSection_thenTheSentenceThatAnswersIsKeptWhenItIsCut() {
            Reply reply = say("should a child who posted their own picture be told to take it down?");
            assertThat(quoted(reply)).isEqualTo(SLUG + "4.4");
            assertThat(reply.text()).contains("[…]").contains("should be told to remove the items");
            String published = ShippedIndex.LIBRARY.section(SLUG + "4.4").orElseThrow().text();
            for (String part : reply.text().split("\n\\[…] ")) {
                String quote = part.startsWith("The section continues") ? "" : part.strip();
                assertThat(published + ShippedIndex.LIBRARY.section(SLUG + "4.3").orElseThrow().text()).contains(
                        quote.replace(ShippedIndex.LIBRARY.section(SLUG + "4.3").orElseThrow().text().strip() + "\n\n", ""));
            }
        }

        @Test
        void givenAFile_thenTheImageCardIsShownWithTheBotsOwnWords_andNothingIsEchoed() {
            String secret = "here is the picture of the girl";
            Reply reply = ShippedGuidance.ASSISTANT.handle(new InboundMessage("test", "c1", "u1", secret, true, false));
            assertThat(reply.kind()).isEqualTo(Reply.Kind.IMAGE_GUIDANCE);
            assertThat(cards(reply)).containsExactly("IMAGES_DO_NOT_SHARE");
            assertThat(reply.citation().sectionId()).isEqualTo(SLUG + "4.4");
            assertThat(reply.text()).doesNotContain(secret);
        }
    }
}
