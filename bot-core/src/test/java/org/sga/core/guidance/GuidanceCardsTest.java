package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.core.search.Embedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.ShippedIndex;
import org.sga.core.yaml.YamlProblem;

class GuidanceCardsTest {

    private static List<String> ids(GuidanceCards cards, String message) {
        return cards.applying(message).stream().map(GuidanceCard::id).toList();
    }

    @Nested
    class Shipped {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "can I forward the nudes to the DSL on WhatsApp?|IMAGES_DO_NOT_SHARE",
            "can I screenshot the image and email it to the DSL?|IMAGES_DO_NOT_SHARE",
            "can I send you the photo so you can tell me if it's illegal?|IMAGES_DO_NOT_SHARE",
            "should I look at the images?|IMAGES_DO_NOT_SHARE",
            "a boy is being blackmailed with his nudes|SEXTORTION",
            "should I tell the colleague that I have reported them?|DO_NOT_TIP_OFF",
            "a pupil made me promise not to tell|NO_SECRECY",
            "should I ask the pupil to show me all the messages on her phone?|DO_NOT_SEARCH",
            "an adult on instagram asked a pupil for nudes|ADULT_SOLICITING",
            "one of the cleaners keeps giving sweets to a year 2 boy and asking for his snapchat. going to tackle her about it tomorrow|DO_NOT_TIP_OFF",
            "the girl's aunt deleted all the photos off her tablet before she rang us|IMAGES_DO_NOT_SHARE",
            "a lad in year 9 says there's a video of his sister going round and his mate has offered to show me|IMAGES_DO_NOT_SHARE",
            "her pictures have been posted in a group chat, can I join the group to check how bad it is?|IMAGES_DO_NOT_SHARE",
            "the coach filmed the girls getting changed and her dad wants me to watch it first|IMAGES_DO_NOT_SHARE",
            "the lad said his uncle films him in the shower and he begged us not to tell his mum|NO_SECRECY",
            "a year 7 says a man she chats to online wants her to get the bus to his flat. she doesn't want me to tell anyone|NO_SECRECY",
            "she won't say who sent it, should I keep asking her until she tells me?|DO_NOT_SEARCH",
            "the concern is about our head teacher, so who do I go to?|DO_NOT_TIP_OFF",
            "he says he will hurt himself if I tell anyone what he showed me|NO_SECRECY",
            "can I message him pretending to be her so we find out who he is?|DO_NOT_TIP_OFF",
            "should I get her to airdrop the photo to me before she deletes it?|IMAGES_DO_NOT_SHARE",
            "a man in the game chat keeps asking the kids for their snapchat|ADULT_SOLICITING",
            "someone she met on roblox wants to meet her at the park|ADULT_SOLICITING"})
        void givenTheSituationOfACard_thenTheCardApplies(String message, String card) {
            assertThat(ids(ShippedGuidance.CARDS, message)).as(message).contains(card);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "what does sexting mean?",
            "what is grooming?",
            "which agencies does the procedure say to refer to",
            // Not "... and can I see the DSL about it?": with images named, staff mostly mean showing the DSL the
            // images, which is the image card's situation.
            "do the images on the school website need consent, and who do I ask about it?",
            "who keeps the records once a concern has been passed on?"})
        void givenNoneOfTheSituations_thenNoCardApplies(String message) {
            assertThat(ids(ShippedGuidance.CARDS, message)).as(message).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"what is sextortion?", "what does sextortion mean", "whats a nude",
            "what counts as an indecent image?", "what's 'sextortion' mean exactly? it came up on a course",
            "sextortion meaning?", "significant harm - definition?", "define grooming pls", "meaning of sextortion?",
            "what's the definition of an indecent image?", "can you explain sextortion"})
        void givenAMessageThatOnlyAsksWhatAWordMeans_thenNoCardApplies(String message) {
            assertThat(ids(ShippedGuidance.CARDS, message)).as(message).isEmpty();
        }

        @Test
        void givenAWordsMeaningAskedAndThenASituation_thenTheSituationsCardApplies() {
            assertThat(ids(ShippedGuidance.CARDS, "what is sextortion? a boy in my class is being blackmailed with his nudes"))
                    .contains("SEXTORTION");
            assertThat(ids(ShippedGuidance.CARDS, "sextortion meaning? a boy in my class is being blackmailed with his nudes"))
                    .contains("SEXTORTION");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "girl on the trip says she's scared to go home but won't say why|false",
            "he looks terrified every time his phone buzzes. wouldn't tell me what it is|false",
            "Wouldn't say more. she's gone home with her stepdad now|false",
            "I told her I wouldn't tell anyone, was that wrong?|true",
            "kid passed me a note saying 'he hurts me, dont say anything'|true",
            "she won't let me ring anyone, she says she'll do it tonight|true",
            "she doesn't want her mum to know about the messages|true"})
        void givenAChildWhoWontSayMore_thenThatIsNotTheSecrecyCardsWords(String message, boolean words) {
            // Decision 108: "she won't say why" is a child holding back, not a request for secrecy or a promise.
            assertThat(hasTheCardsWords("NO_SECRECY", message)).as(message).isEqualTo(words);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "NO_SECRECY|she says she'll cut herself if we ring her foster carer|true",
            "NO_SECRECY|he'll run off if anyone calls his dad, he says|true",
            "NO_SECRECY|we ring her foster carer every friday to say how the session went|false",
            "IMAGES_DO_NOT_SHARE|shall I check my coworker's browser history before I say anything|true",
            "IMAGES_DO_NOT_SHARE|should I check the history of the complaint before I ring the parent|false",
            // Decision 113: "want the rest shared?" is a threat said as a question.
            "SEXTORTION|an account sent her a photo of herself from the gala saying 'want the rest posted?'|true",
            "SEXTORTION|do you want the rest of the team photos sent round to parents tonight?|false"})
        void givenAChildsConditionOrABrowsersHistory_thenThoseAreTheCardsWords(String card, String message, boolean words) {
            // Decision 109: "if we ring her carer" is a child's condition as "if you tell" is; a browser's history
            // is where the images a colleague looked at are.
            assertThat(hasTheCardsWords(card, message)).as(message).isEqualTo(words);
        }

        /** Whether the message has the words the card needs, as the shipped cards read it. */
        private static boolean hasTheCardsWords(String card, String message) {
            return ShippedGuidance.CARDS.readings(message, List.of()).stream()
                    .filter(r -> r.card().id().equals(card)).findFirst().orElseThrow().cued();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "Ella in 2P has an orthodontist appointment, mum is collecting from the office at 9.45.",
            "Boiler engineer coming between 8 and 12 tomorrow, someone needs to be in."})
        void givenEverydayWorkThatNamesChildren_thenNoCardApplies(String message) {
            // Decision 114: everyday work counts against every card (messages of a development everyday set; some
            // everyday messages still carry a card, as "dinner money is due by Friday" does the sextortion card).
            assertThat(ids(ShippedGuidance.CARDS, message)).as(message).isEmpty();
        }

        @Test
        void givenAParentAsksForAHealthMatterToBeKeptQuiet_thenTheSecrecyCardDoesNotApply() {
            assertThat(ids(ShippedGuidance.CARDS, "mum asked us to keep her son's asthma diagnosis quiet from the other parents"))
                    .doesNotContain("NO_SECRECY");
        }

        @Test
        void givenADangerSituationBringsACard_thenItAppliesOnlyWhenTheMessageHasTheCardsWords() {
            List<String> meeting = List.of("ADULT_SOLICITING");
            assertThat(ShippedGuidance.CARDS.applying("a year 8 says a man from a game is picking her up from the park tonight", meeting))
                    .extracting(GuidanceCard::id).contains("ADULT_SOLICITING");
            assertThat(ShippedGuidance.CARDS.applying("a year 10 has posted that she is ending it all tonight and isn't answering her phone", meeting))
                    .extracting(GuidanceCard::id).doesNotContain("ADULT_SOLICITING");
        }

        // The shipped patterns alone, before any card reads meaning: a pattern shows its card whatever the card's
        // readings say, so it must not fire on a question about a word or on what is not the card's situation.
        private static final GuidanceCards PATTERNS_ONLY = GuidanceCards.parse(ShippedIndex.resource("guidance/cards.yml"),
                "cards.yml");

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "what's the difference between sextortion and sexting? writing the induction notes",
            "is sextortion covered anywhere in this procedure?",
            "a governor kept saying 'sextortion' at the meeting, what is it exactly?",
            "is sexting the same as sextortion?",
            "does the procedure mention sextortion or is that a separate policy",
            "my neighbour's boy (8) says her husband shows him rude videos on his tablet",
            "two of the year 6s keep watching scary videos at wet play",
            "a man at the fair was showing the kids funny pictures on his phone",
            "a parent sent me a snap to say they're running late",
            // decision 121 needs words of self-harm as well as the condition
            "if they post the photos on the class page, do we need every parent's consent?"})
        void givenAQuestionAboutTheWordOrAChildShownVideos_thenNoPatternShowsTheSextortionOrImageCard(String message) {
            assertThat(ids(PATTERNS_ONLY, message)).as(message).doesNotContain("SEXTORTION", "IMAGES_DO_NOT_SHARE");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "a lad in year 10 is being sextorted, they want money by tonight|SEXTORTION",
            "is this sextortion? someone says they'll post her pics unless she pays|SEXTORTION",
            "a dad has shown me a photo his daughter was sent, can I keep a copy?|IMAGES_DO_NOT_SHARE",
            "the coach wants to show her the video so she can say who it is|IMAGES_DO_NOT_SHARE",
            "can I watch the video before I pass it on?|IMAGES_DO_NOT_SHARE",
            "a pupil showed me a nude of a girl in her class|IMAGES_DO_NOT_SHARE",
            // decision 117: someone sending the writer an image, the image word after "send me"
            "a lad at the stall asked if he could send me a 'special' photo later|IMAGES_DO_NOT_SHARE",
            "the girl's brother says he'll forward us the video tonight|IMAGES_DO_NOT_SHARE",
            // decision 121: a threat with the child's images, answered with a threat of self-harm
            "she texted me 'if he shares it im going to end it', he told her tonight|SEXTORTION",
            "the lad says he'll jump off the multi-storey if his pics get sent round|SEXTORTION"})
        void givenTheCardsSituation_thenItsPatternStillShowsIt(String message, String card) {
            assertThat(ids(PATTERNS_ONLY, message)).as(message).contains(card);
        }

        @Test
        void everyCardCitesTheProcedureFirstAndNationalGuidanceWithItsYear_andIsVisiblyNotYetReviewed() {
            assertThat(ShippedGuidance.CARDS.cards()).extracting(GuidanceCard::id).containsExactlyInAnyOrder("IMAGES_DO_NOT_SHARE",
                    "DO_NOT_TIP_OFF", "NO_SECRECY", "SEXTORTION", "ADULT_SOLICITING", "DO_NOT_SEARCH");
            for (GuidanceCard card : ShippedGuidance.CARDS.cards()) {
                assertThat(card.procedure()).as(card.id()).isNotEmpty().allMatch(id -> ShippedIndex.LIBRARY.section(id).isPresent());
                assertThat(card.national()).as(card.id()).isNotEmpty().allSatisfy(n -> {
                    assertThat(n.label()).startsWith("National guidance (not the procedure): ");
                    assertThat(n.year()).matches("20\\d\\d");
                });
                assertThat(card.review()).contains("not yet reviewed");
            }
            assertThat(ShippedGuidance.CARDS.problems(ShippedIndex.LIBRARY, "cards.yml")).isEmpty();
        }
    }

    @Nested
    class ASeventhCard {

        // A card the shipped file does not have: adding it is content, not code.
        private static final String FILE = org.sga.core.testkit.CardFixtures.RECORD_CARD;

        @Test
        void givenAFileWithANewCard_thenItIsRecognisedAndCitedLikeTheOthers() {
            GuidanceCards cards = GuidanceCards.parse(new StringReader(FILE), "cards.yml");
            assertThat(ids(cards, "do I need to write up what she said?")).containsExactly("KEEP_A_RECORD");
            assertThat(ids(cards, "what is grooming")).isEmpty();
            GuidanceCard card = cards.card("KEEP_A_RECORD").orElseThrow();
            assertThat(card.review()).isEqualTo("Reviewed by A. Reviewer on 2026-12-01");
            assertThat(cards.problems(ShippedIndex.LIBRARY, "cards.yml")).isEmpty();
        }

        @Test
        void givenTheNewCardHasNothingToBeToldApartFrom_thenItsPatternsStillRecogniseIt() {
            GuidanceCards cards = GuidanceCards.parse(new StringReader(FILE.replace("none:\n  - what is grooming\n", "")), "cards.yml")
                    .withMeaning(ShippedIndex.EMBEDDER, MeaningMargins.of(EmbeddingModel.DEFAULT),
                            new org.sga.content.Library(List.of()), () -> { }).prepared();

            assertThat(ids(cards, "do I need to write up what she said?")).containsExactly("KEEP_A_RECORD");
            assertThat(ids(cards, "what is grooming")).isEmpty();
        }

        @Test
        void givenTheNewCardsOwnMargins_thenTheyDecideInsteadOfTheModels() {
            String e5 = MeaningMarginsTest.E5;
            String never = e5 + "    cards:\n      KEEP_A_RECORD:\n        card: 1\n        card-without-words: 1\n";
            MeaningMargins byMeaningNever = MeaningMargins.parse(new StringReader("models:\n" + never + e5.replace("e5-small", "minilm")),
                    "margins.yml").get(EmbeddingModel.DEFAULT);
            String message = "how should I note what the pupil told me";
            GuidanceCards shipped = GuidanceCards.parse(new StringReader(FILE), "cards.yml").withMeaning(ShippedIndex.EMBEDDER,
                    MeaningMargins.of(EmbeddingModel.DEFAULT), new org.sga.content.Library(List.of()), () -> { }).prepared();
            GuidanceCards own = GuidanceCards.parse(new StringReader(FILE), "cards.yml").withMeaning(ShippedIndex.EMBEDDER,
                    byMeaningNever, new org.sga.content.Library(List.of()), () -> { }).prepared();

            assertThat(ids(shipped, message)).containsExactly("KEEP_A_RECORD");
            assertThat(ids(own, message)).isEmpty();
            assertThat(ids(own, "do I need to write up what she said?")).as("its patterns still apply").containsExactly("KEEP_A_RECORD");
        }

        /** A message close to the card's one example, and labelled messages that tell it apart (minutes are not records). */
        private static final String MINUTES = "what should I record in the minutes of the staff meeting";
        private static final String MINUTES_LABELLED = """
                labelled:
                  - {message: "how do I take the minutes of the governors meeting", cards: []}
                  - {message: "what should the minutes of a department meeting include", cards: []}
                  - {message: "where do we keep the minutes of staff meetings", cards: []}
                  - {message: "who writes up the notes of the parents forum", cards: []}
                  - {message: "what do I note down when a pupil tells me something worrying", cards: [KEEP_A_RECORD]}
                  - {message: "should I write the child's exact words in my notes", cards: [KEEP_A_RECORD], may_show: []}
                """;

        @Test
        void givenLabelledStaffMessages_thenTheCardLearnsFromThemWhatItIsNot() {
            // Without the labelled messages the card learns from its one example and one no-card phrasing, so its
            // likelihoods swing with small changes of wording: this message is well above the margin (0.999), not on it.
            GuidanceCards without = withMeaning(FILE);
            GuidanceCards with = withMeaning(FILE + MINUTES_LABELLED);

            assertThat(ids(without, MINUTES)).as("close to the one example").containsExactly("KEEP_A_RECORD");
            assertThat(ids(with, MINUTES)).as("like the labelled messages that carry no card").isEmpty();
            assertThat(ids(with, "what do I write in the record after a child tells me about a man online"))
                    .containsExactly("KEEP_A_RECORD");
            assertThat(ids(with, "what is grooming")).isEmpty();
        }

        @Test
        void givenCardsByMeaning_thenTheyLetTheLabelledMessagesGo_andTheCardsAsReadCanStillLearnWithoutSome() {
            GuidanceCards asRead = asRead(FILE + MINUTES_LABELLED);
            GuidanceCards byMeaning = withMeaning(asRead);
            java.util.function.Predicate<String> aboutMinutes = m -> m.contains("minutes") || m.contains("notes of the parents");

            assertThat(asRead.learnable()).isTrue();
            assertThat(byMeaning.learnable()).as("learned once, the texts are let go").isFalse();
            assertThat(ids(byMeaning, MINUTES)).as("what it learned stays").isEmpty();
            assertThatThrownBy(() -> byMeaning.leavingOut(aboutMinutes)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("from the cards as read");
            assertThat(ids(withMeaning(asRead.leavingOut(aboutMinutes)), MINUTES))
                    .as("the messages about minutes left out of its learning").containsExactly("KEEP_A_RECORD");

            GuidanceCards without = asRead.withoutLabelledTexts();
            assertThat(without.learnable()).isFalse();
            assertThat(without.cards()).isEqualTo(asRead.cards());
            assertThat(without.phrasings()).isEqualTo(asRead.phrasings());
            assertThat(without.problems(ShippedIndex.LIBRARY, "cards.yml")).isEqualTo(asRead.problems(ShippedIndex.LIBRARY, "cards.yml"));
            assertThatThrownBy(() -> withMeaning(without)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("let their labelled staff messages go");
        }

        @Test
        void givenACardNearestMargin_thenAMessageCloseToItsLabelledMessagesDrawsItThoughItsClassifierWouldNot() {
            String labelled = """
                    labelled:
                      - {message: "do I jot down the child's exact words or my summary", cards: [KEEP_A_RECORD]}
                      - {message: "what goes in the written note after a disclosure", cards: [KEEP_A_RECORD]}
                      - {message: "how do I take the minutes of the governors meeting", cards: []}
                      - {message: "where do we keep the minutes of staff meetings", cards: []}
                    """;
            String e5 = MeaningMarginsTest.E5;
            String classifierNever = "    cards:\n      KEEP_A_RECORD:\n        card: 1\n        card-without-words: 1\n";
            GuidanceCards neverNear = withMargins(FILE + labelled, e5 + classifierNever);
            GuidanceCards near = withMargins(FILE + labelled, e5 + classifierNever + "        card-nearest: 0.0\n");
            String message = "should I write the pupil's own words in the note or sum them up";

            assertThat(ids(neverNear, message)).as("the classifier alone never draws it").isEmpty();
            assertThat(ids(near, message)).as("closer to the labelled messages that need it").containsExactly("KEEP_A_RECORD");
            assertThat(ids(near, "where are the minutes of the staff meeting kept")).as("closer to those that do not").isEmpty();
            assertThat(ids(near, "what is grooming")).isEmpty();
        }

        /** Staff messages labelled for the record-keeping card, one about it and two not. */
        private static final String RECORD_LABELLED = """
                labelled:
                  - {message: "do I jot down the child's exact words or my summary", cards: [KEEP_A_RECORD]}
                  - {message: "how do I take the minutes of the governors meeting", cards: []}
                  - {message: "where do we keep the minutes of staff meetings", cards: []}
                """;

        @Test
        void givenLabelledMessages_thenTheNetworkGivesTheCardOneMoreReading_andWithoutThemNone() {
            String labelled = RECORD_LABELLED;
            String message = "should I write the pupil's own words in the note or sum them up";

            CardReading read = withMeaning(FILE + labelled).readings(message, List.of()).getFirst();
            CardReading unread = withMeaning(FILE).readings(message, List.of()).getFirst();

            assertThat(read.network()).isFinite();
            assertThat(read.features()[5]).as("the weights' sixth reading").isEqualTo(read.network());
            assertThat(unread.network()).as("no labelled message needs the card").isNaN();
            assertThat(unread.features()[5]).isZero();
            assertThat(ShippedGuidance.CARDS.readings("he's outside now. the guy from the game. kid is 10", List.of()))
                    .as("every shipped card").hasSize(6).allSatisfy(r -> assertThat(r.network()).isFinite())
                    .allSatisfy(r -> assertThat(r.networkSentence()).isFinite());

            assertThat(read.networkSentence()).as("a message of one sentence is its own sentence").isEqualTo(read.network());
            assertThat(read.features()[6]).as("the weights' seventh reading").isEqualTo(read.networkSentence());
            CardReading longer = withMeaning(FILE + labelled)
                    .readings("the trip to the museum went well today. " + message, List.of()).getFirst();
            assertThat(longer.networkSentence()).as("its likeliest sentence read alone")
                    .isGreaterThanOrEqualTo(read.network());
            assertThat(unread.networkSentence()).isNaN();
            assertThat(unread.features()[6]).isZero();
        }

        @Test
        void givenASecondModel_thenTheNetworkLearnedOverItsEmbeddingsIsTheNinthReading_learnedAgainWithoutWhatIsLeftOut() {
            String message = "should I write the pupil's own words in the note or sum them up";
            GuidanceCards asRead = asRead(FILE + RECORD_LABELLED);
            Embedder second = EmbeddingModel.MINILM.load();

            CardReading viewed = viewed(asRead, second).readings(message, List.of()).getFirst();
            CardReading unviewed = withMeaning(asRead).readings(message, List.of()).getFirst();

            assertThat(viewed.secondView()).isFinite();
            assertThat(viewed.features()[8]).as("the weights' ninth reading").isEqualTo(viewed.secondView());
            assertThat(viewed.network()).as("the first network reads as before").isEqualTo(unviewed.network());
            assertThat(unviewed.secondView()).as("no second view").isNaN();
            assertThat(unviewed.features()[8]).isZero();
            assertThat(viewed(asRead(FILE), second).readings(message, List.of()).getFirst().secondView())
                    .as("no labelled message needs the card").isNaN();
            CardReading minutes = viewed(asRead, second).readings("how do I take the minutes of the governors meeting",
                    List.of()).getFirst();
            assertThat(viewed.secondView()).as("closer to what needs the card than to what does not")
                    .isGreaterThan(minutes.secondView());

            double leftOut = viewed(asRead.leavingOut(m -> m.contains("jot down")), second).readings(message, List.of())
                    .getFirst().secondView();
            assertThat(leftOut).as("no labelled message left needs the card").isNaN();
        }

        @Test
        void givenAThirdModel_thenItsNetworkIsTheTenthReading_besideTheSecondView() {
            String message = "should I write the pupil's own words in the note or sum them up";
            GuidanceCards asRead = asRead(FILE + RECORD_LABELLED);
            Embedder second = EmbeddingModel.MINILM.load();
            Embedder third = EmbeddingModel.BGE_SMALL.load();

            CardReading both = asRead.withMeaning(ShippedIndex.EMBEDDER, second, third, MeaningMargins.of(EmbeddingModel.DEFAULT),
                    new org.sga.content.Library(List.of()), () -> { }).prepared().readings(message, List.of()).getFirst();
            CardReading secondOnly = viewed(asRead, second).readings(message, List.of()).getFirst();

            assertThat(both.thirdView()).isFinite();
            assertThat(both.features()).hasSize(11);
            assertThat(both.features()[9]).as("the weights' tenth reading").isEqualTo(both.thirdView());
            assertThat(both.thirdView()).as("its own network, over its own model's embeddings").isNotEqualTo(both.secondView());
            assertThat(both.secondView()).as("the second view reads as before").isEqualTo(secondOnly.secondView());
            assertThat(secondOnly.thirdView()).as("no third view").isNaN();
            assertThat(secondOnly.features()[9]).isZero();
        }

        @Test
        void givenLabelledMessages_thenTheirWordingIsTheEleventhReading_learnedAgainWithoutWhatIsLeftOut() {
            String message = "do I jot down the words of the child";
            GuidanceCards asRead = asRead(FILE + RECORD_LABELLED);

            CardReading read = withMeaning(asRead).readings(message, List.of()).getFirst();
            CardReading minutes = withMeaning(asRead).readings("where do we take the minutes", List.of()).getFirst();

            assertThat(read.wording()).isFinite();
            assertThat(read.features()[10]).as("the weights' eleventh reading").isEqualTo(read.wording());
            assertThat(read.wording()).as("worded more like what needs the card").isGreaterThan(minutes.wording());
            assertThat(withMeaning(FILE).readings(message, List.of()).getFirst().wording())
                    .as("no labelled message needs the card").isNaN();
            assertThat(withMeaning(asRead.leavingOut(m -> m.contains("jot down"))).readings(message, List.of()).getFirst()
                    .wording()).as("no labelled message left needs the card").isNaN();
            assertThat(ShippedGuidance.CARDS.readings("can I screenshot her nudes and send them to the dsl", List.of()))
                    .as("every shipped card").hasSize(6).allSatisfy(r -> assertThat(r.wording()).isFinite());
        }

        private GuidanceCards viewed(GuidanceCards asRead, Embedder second) {
            return asRead.withMeaning(ShippedIndex.EMBEDDER, second, MeaningMargins.of(EmbeddingModel.DEFAULT),
                    new org.sga.content.Library(List.of()), () -> { }).prepared();
        }

        @Test
        void givenAMessageOfSeveralSentences_thenItsClosestSentenceToWhatTheCardIsAboutIsOneMoreReading() {
            String labelled = RECORD_LABELLED;
            GuidanceCards cards = withMargins(FILE + labelled, MeaningMarginsTest.E5);
            String message = "should I write the pupil's own words in the note or sum them up";

            CardReading one = cards.readings(message, List.of()).getFirst();
            CardReading longer = cards.readings("the trip to the museum went well today. " + message, List.of()).getFirst();

            assertThat(one.nearestSentence()).as("a message of one sentence is its own sentence").isEqualTo(one.nearest());
            assertThat(longer.nearestSentence()).as("its closest sentence read alone").isEqualTo(one.nearest());
            assertThat(longer.nearestSentence()).as("closer than the message whole, which the trip dilutes")
                    .isGreaterThan(longer.nearest());
            assertThat(longer.features()[7]).as("the weights' eighth reading, in tenths")
                    .isCloseTo(longer.nearestSentence() * 10, org.assertj.core.data.Offset.offset(1e-9));
        }

        @Test
        void givenLabelledMessagesThatNeverQuoteASection_thenAMessageNearMostOfThemIsNotAnsweredFromIt() {
            String labelled = org.sga.core.testkit.CardFixtures.NEVER_QUOTING_LABELLED;
            GuidanceCards cards = withMargins(FILE + labelled, MeaningMarginsTest.E5 + "    never-quote-nearest: 3\n    never-quote-share: 0.6\n");
            String forward = "can I email the picture of her to our DSL";

            assertThat(cards.deciding(forward, List.of()).neverQuoted()).as("three of three; 5.3 one of three")
                    .containsExactly("child-abuse-and-ict#6.1");
            assertThat(cards.deciding("where are the minutes of the staff meeting kept", List.of()).neverQuoted()).isEmpty();
            assertThat(withMargins(asRead(FILE + labelled).leavingOut(m -> m.contains("whatsapp") || m.contains("manager")),
                    MeaningMarginsTest.E5 + "    never-quote-nearest: 3\n    never-quote-share: 0.6\n").deciding(forward, List.of())
                    .neverQuoted()).as("two of them left out").isEmpty();
            assertThat(withMargins(FILE + labelled, MeaningMarginsTest.E5).deciding(forward, List.of()).neverQuoted())
                    .as("without the margins").isEmpty();
        }

        @Test
        void givenALabelledMessageThatNeverQuotesASectionNoProcedureHas_thenTheProblemNamesItsLine() {
            String labelled = """
                    labelled:
                      - {message: "can I forward the photo to the DSL", cards: [], never_quote: [child-abuse-and-ict#9.9]}
                    """;
            GuidanceCards cards = GuidanceCards.parse(new StringReader(FILE + labelled), "cards.yml");
            int line = (int) (FILE + labelled).lines().takeWhile(l -> !l.contains("#9.9")).count() + 1;
            assertThat(cards.problems(ShippedIndex.LIBRARY, "cards.yml")).containsExactly("cards.yml:" + line
                    + ": a labelled message names child-abuse-and-ict#9.9 under never_quote, which no loaded procedure has");
            assertThatThrownBy(() -> GuidanceCards.parse(new StringReader(FILE + labelled.replace("child-abuse-and-ict#9.9", "6.1")), "cards.yml"))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("cards.yml:" + line).hasMessageContaining("not a section id");
        }

        private GuidanceCards withMargins(String file, String e5Margins) {
            return withMargins(asRead(file), e5Margins);
        }

        private GuidanceCards withMargins(GuidanceCards asRead, String e5Margins) {
            return asRead.withMeaning(ShippedIndex.EMBEDDER, org.sga.core.testkit.CardFixtures.margins(e5Margins),
                    new org.sga.content.Library(List.of()), () -> { }).prepared();
        }

        private GuidanceCards withMeaning(String file) {
            return withMeaning(asRead(file));
        }

        private GuidanceCards withMeaning(GuidanceCards asRead) {
            return asRead.withMeaning(ShippedIndex.EMBEDDER, MeaningMargins.of(EmbeddingModel.DEFAULT),
                    new org.sga.content.Library(List.of()), () -> { }).prepared();
        }

        private static GuidanceCards asRead(String file) {
            return GuidanceCards.parse(new StringReader(file), "cards.yml");
        }

        @Test
        void givenTheNewCardCitesASectionNoProcedureHas_thenTheProblemNamesItsLine() {
            GuidanceCards cards = GuidanceCards.parse(new StringReader(FILE.replace("#4.4]", "#9.9]")), "cards.yml");
            assertThat(cards.problems(ShippedIndex.LIBRARY, "cards.yml"))
                    .containsExactly("cards.yml:7: card KEEP_A_RECORD cites child-abuse-and-ict#9.9, which no loaded procedure has");
        }
    }

    /** A card shown by meaning only a little above its threshold, beside a card shown more strongly (decision 99). */
    @Nested
    class BesideAStrongerCard {

        /** Two cards whose weights weigh nothing but their bias, so each one's score is its bias, whatever the message. */
        private static final String TWO_CARDS = org.sga.core.testkit.CardFixtures.RECORD_CARD.replace("none:\n", """
                  - id: CALL_THE_LEAD
                    title: Call your lead
                    first: Ring your safeguarding lead today.
                    text: Tell them what you saw and heard.
                    never: Never wait for the next meeting.
                    procedure: [child-abuse-and-ict#5.3]
                    national:
                      - source: An invented publisher
                        title: Invented advice on calls
                        year: 2025
                    reviewed_by: ""
                    reviewed_on: ""
                    examples:
                      - who do I ring about a worry today
                none:
                """);
        private static final String MESSAGE = "a worry about a pupil's notes";

        private static String weighed(double bias) {
            return "        card-weights:\n          likelihood: 0\n          sentence: 0\n          nearest: 0\n          words: 0\n"
                    + "          likelihood-with-words: 0\n          network: 0\n          network-sentence: 0\n"
                    + "          nearest-sentence: 0\n          bias: " + bias + "\n";
        }

        private GuidanceCards cards(double record, double lead, String leadBeside) {
            String e5 = MeaningMarginsTest.E5 + "    cards:\n      KEEP_A_RECORD:\n" + weighed(record) + "      CALL_THE_LEAD:\n"
                    + weighed(lead) + leadBeside;
            MeaningMargins margins = MeaningMargins.parse(new StringReader("models:\n" + e5 + MeaningMarginsTest.E5.replace("e5-small", "minilm")),
                    "margins.yml").get(EmbeddingModel.DEFAULT);
            return GuidanceCards.parse(new StringReader(TWO_CARDS), "cards.yml").withMeaning(ShippedIndex.EMBEDDER, margins,
                    new org.sga.content.Library(List.of()), () -> { }).prepared();
        }

        private static List<String> ids(List<GuidanceCard> cards) {
            return cards.stream().map(GuidanceCard::id).toList();
        }

        @Test
        void givenAWeakCardBesideAStrongerOne_thenItIsHeldBackNotShown() {
            GuidanceCards.Deciding decided = cards(3, 0.3, "        card-beside-stronger: 0.5\n").deciding(MESSAGE, List.of());

            assertThat(ids(decided.shown())).containsExactly("KEEP_A_RECORD");
            assertThat(ids(decided.heldBack())).containsExactly("CALL_THE_LEAD");
        }

        @Test
        void givenTheWeakCardAlone_orFarEnoughAboveItsThreshold_orWithoutTheSetting_thenItIsShown() {
            String beside = "        card-beside-stronger: 0.5\n";
            assertThat(ids(cards(-1, 0.3, beside).deciding(MESSAGE, List.of()).shown())).as("alone").containsExactly("CALL_THE_LEAD");
            assertThat(ids(cards(3, 0.6, beside).deciding(MESSAGE, List.of()).shown())).as("0.6 above")
                    .containsExactly("KEEP_A_RECORD", "CALL_THE_LEAD");
            assertThat(ids(cards(3, 0.3, "").deciding(MESSAGE, List.of()).shown())).as("not set: never held back")
                    .containsExactly("KEEP_A_RECORD", "CALL_THE_LEAD");
            assertThat(ids(cards(0.2, 0.3, beside).deciding(MESSAGE, List.of()).shown())).as("the other is weaker")
                    .containsExactly("KEEP_A_RECORD", "CALL_THE_LEAD");
        }

        @Test
        void givenTheStrongerCardBroughtByItsPattern_thenTheWeakOneIsHeldBack() {
            GuidanceCards.Deciding decided = cards(-1, 0.3, "        card-beside-stronger: 0.5\n")
                    .deciding("do I need to write up what she said?", List.of());

            assertThat(ids(decided.shown())).containsExactly("KEEP_A_RECORD");
            assertThat(ids(decided.heldBack())).containsExactly("CALL_THE_LEAD");
        }
    }

    @Nested
    class BrokenFile {

        private static final String CARD = """
                  - id: CARD_ONE
                    title: A title
                    first: First.
                    text: Text.
                    never: Never.
                    procedure: [child-abuse-and-ict#4.4]
                    national:
                      - source: A publisher
                        title: A title
                        year: 2024
                    reviewed_by: ""
                    reviewed_on: ""
                    examples:
                      - an example
                """;

        private GuidanceCards parse(String yaml) {
            return GuidanceCards.parse(new StringReader(yaml), "cards.yml");
        }

        @Test
        void aMessageThatOnlyAsksWhatAWordMeansDrawsNoCardEvenByPattern() {
            String file = "asks_meaning: 'what is \\w+\\??'\ncards:\n" + CARD + "    patterns: [sextortion]\n";
            assertThat(ids(parse(file), "what is sextortion?")).isEmpty();
            assertThat(ids(parse(file), "a boy says this is sextortion")).containsExactly("CARD_ONE");
        }

        @Test
        void aBrokenAsksMeaningPatternNamesItsLine() {
            assertThatThrownBy(() -> parse("asks_meaning: 'what (is'\ncards:\n" + CARD))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("cards.yml:1: asks_meaning: not a valid regular expression");
        }

        @Test
        void aDuplicateIdNamesItsLineAndTheFirst() {
            assertThatThrownBy(() -> parse("cards:\n" + CARD + CARD.replace("an example", "another example")))
                    .isInstanceOf(YamlProblem.class)
                    .hasMessage("cards.yml:16: cards[1].id: card id 'CARD_ONE' is already declared at line 2");
        }

        @Test
        void aMissingSourceNamesItsLine() {
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("      - source: A publisher\n        title", "      - title")))
                    .isInstanceOf(YamlProblem.class).hasMessage("cards.yml:9: cards[0].national[0].source: missing");
        }

        @Test
        void aBrokenExampleNamesItsLine() {
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("      - an example", "      - [not, text]")))
                    .isInstanceOf(YamlProblem.class).hasMessage("cards.yml:15: cards[0].examples[0]: expected a single value");
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("    examples:\n      - an example\n", "")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("cards[0].examples: needs at least one example");
        }

        @Test
        void aLabelledMessageNamingAnUndeclaredCardOrGivenTwiceNamesItsLine() {
            String labelled = "labelled:\n  - {message: a message staff wrote, cards: [CARD_ONE]}\n";
            assertThat(parse("cards:\n" + CARD + labelled).cards()).hasSize(1);
            assertThatThrownBy(() -> parse("cards:\n" + CARD + labelled + "  - {message: another one, cards: [CARD_TWO]}\n"))
                    .isInstanceOf(YamlProblem.class)
                    .hasMessage("cards.yml:18: labelled[1].cards[0]: names card 'CARD_TWO', which the file does not declare"
                            + " (cards: CARD_ONE)");
            assertThatThrownBy(() -> parse("cards:\n" + CARD + labelled + "  - {message: A message  staff wrote, cards: []}\n"))
                    .isInstanceOf(YamlProblem.class)
                    .hasMessageStartingWith("cards.yml:18: labelled[1].message: 'A message  staff wrote' is already given at"
                            + " labelled[0].message (line 17)");
            assertThatThrownBy(() -> parse("cards:\n" + CARD + labelled.replace("CARD_ONE]", "CARD_ONE], may_show: [CARD_ONE]")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("card CARD_ONE is under both cards and may_show");
            assertThatThrownBy(() -> parse("cards:\n" + CARD + "labelled:\n  - {message: no cards key}\n"))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("cards.yml:17: labelled[0]: needs cards");
            assertThatThrownBy(() -> parse("cards:\n" + CARD + "labelled:\n  - {message: an example, cards: []}\n"))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("'an example' is already given at cards[0].examples[0]");
            assertThatThrownBy(() -> parse("cards:\n" + CARD + "labelled:\n  - {message: x y z, cards: [], allow: []}\n"))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("allow");
        }

        @Test
        void aReviewWithoutADateIsRefused() {
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("reviewed_by: \"\"", "reviewed_by: A. Reviewer")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("cards[0].reviewed_on: give both");
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("reviewed_by: \"\"", "reviewed_by: A. Reviewer")
                    .replace("reviewed_on: \"\"", "reviewed_on: last week")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("'last week' is not a date");
        }

        @Test
        void aBadIdOrSectionIdIsRefused() {
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("CARD_ONE", "card one")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("must be upper-case");
            assertThatThrownBy(() -> parse("cards:\n" + CARD.replace("child-abuse-and-ict#4.4", "section four")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("cards.yml:7:").hasMessageContaining("not a section id");
        }
    }
}
