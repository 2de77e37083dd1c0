package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.core.guidance.MeaningMargins;
import org.sga.core.guidance.ShippedGuidance;
import org.sga.core.search.Embedder;
import org.sga.core.search.EmbeddingModel;
import org.sga.core.search.ShippedIndex;
import org.sga.core.yaml.YamlProblem;

class DangerSignalsTest {

    @Nested
    class ByMeaning {

        @ParameterizedTest
        @ValueSource(strings = {
            "a year 8 just told me a man she met on a game is coming to meet her after school today",
            "she says her stepdad will hurt her when she gets home",
            "a year 7 says she is meeting a man from snapchat tonight",
            "someone is threatening to send his nudes to everyone unless he pays £500 tonight",
            "a pupil in my form says she is going to take all her mum's tablets when she gets in",
            "one of our year 5s wasn't at the pick up point and nobody has seen her since lunch",
            "there is a man parked by the school gate who says he is waiting for a girl in year 9",
            // decision 112: someone who wants to meet the child today, said without an app or a place
            "she says he asked for pics and now wants to meet tonight. should i ask her to show me the pics he sent so I know what we're dealing with?",
            "the lad says the man has arranged to meet him after school",
            // decision 113: a child who speaks of ending it and asks for the quickest way
            "year 10 has been on about ending it all week and just asked me what the quickest way is",
            // decision 115: someone who says they will turn up where the child is today
            "we could reply as her and have the police waiting when he turns up tonight",
            // decision 118: a threat of self-harm put as "something stupid"
            "a boy in my group says he'll do something stupid if his dad finds out about the pics"})
        void givenAChildMayBeInDangerNow_thenThe999LineComesFirst(String message) {
            assertThat(ShippedGuidance.DANGER.present(message)).as(message).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "what is grooming?",
            "what does the procedure say about sexting",
            "a man on snapchat has been asking a year 8 for photos for a few weeks now",
            "can I forward the nudes to the DSL on WhatsApp?",
            "should I tell the colleague that I have reported them?",
            "the DSL is off today, who do I tell about a disclosure",
            "how do I fill in the referral form",
            "what's the quickest way to make a referral out of hours",
            "last term a year 8 met a man from snapchat after school, it was all dealt with, what should we have recorded?"})
        void givenNoDangerNow_thenThereIsNo999Line(String message) {
            assertThat(ShippedGuidance.DANGER.present(message)).as(message).isFalse();
        }

        // Decisions 110 and 111: a time alone is not a danger; the calm phrasings include everyday work.
        @ParameterizedTest
        @ValueSource(strings = {
            "who's got the keys to lock up the pavilion tonight?",
            "printer in the office has jammed again and I need the registers printed by 9",
            "training's moved to 7 tonight because the pitch is booked",
            "can someone cover the front desk at lunch today",
            "whats the float for the merch stall tonight",
            // decision 114: everyday work that names children (messages of a development everyday set)
            "Toddler room going out to the garden at 10, wellies on please, it's muddy.",
            "Cadets tonight at 7, uniform inspection so boots polished please.",
            "Rhyme time is at 10.30 today, expecting 20 toddlers, can someone help set out the mats?",
            "the plumber will turn up at 3 to look at the boiler"})
        void givenEverydayWorkThatMentionsATime_thenThereIsNo999Line(String message) {
            assertThat(ShippedGuidance.DANGER.present(message)).as(message).isFalse();
        }

        /**
         * Words that say the danger is over are read (decision 17), but since decision 63 a classifier very sure of
         * danger now can outweigh them: "a boy told me 3 weeks ago a man said he'd be waiting for him after football,
         * police were told and it's closed now" gets the 999 line, a false alarm. Decision 64 weighed these words and
         * was not adopted (eval/DECISIONS.md). Since decision 92's weights, which raise fewer false alarms over every
         * unseen set, "a pupil said last year she wanted to end it all after pics went round, she's had support since"
         * gets it too: the weights lean less on the meaning readings that find it far from danger now.
         */
        @Test
        void givenWordsThatSayTheDangerIsOver_thenTheReadingSaysSo() {
            DangerSignals.Reading over = ShippedGuidance.DANGER.reading(
                    "a boy told me 3 weeks ago a man said he'd be waiting for him after football, police were told and it's closed now");
            assertThat(over.over()).isTrue();
            assertThat(over.cued()).as("the words rule the meeting's own words out").isNull();
            DangerSignals.Reading past = ShippedGuidance.DANGER.reading(
                    "a pupil said last year she wanted to end it all after pics went round, she's had support since");
            assertThat(past.over()).isTrue();
            assertThat(past.cued()).as("the words rule the threat's own words out").isNull();
            assertThat(ShippedGuidance.DANGER.reading("a boy told me a man said he'd be waiting for him after football tonight").over()).isFalse();
        }

        @Test
        void givenACardExampleThatIsAlsoADangerExample_thenItIsNotCountedCalm() {
            DangerSignals danger = DangerSignals.parse(new StringReader("""
                    situations:
                      - id: meeting
                        name: a meeting
                        examples:
                          - her online boyfriend (23) is picking her up from school today
                    calm:
                      - what is grooming
                    """), "danger.yml");
            DangerSignals withCards = danger.withMeaning(ShippedIndex.EMBEDDER, MeaningMargins.of(EmbeddingModel.DEFAULT),
                    List.of("her online boyfriend (23) is picking her up from school today", "can I forward the nudes to the DSL"),
                    () -> { });

            assertThat(withCards.countsCalm("can I forward the nudes to the DSL")).isTrue();
            assertThat(withCards.countsCalm("her online boyfriend (23) is picking her up from school today")).isFalse();
        }

        /** One situation, a meeting, with three examples against three calm phrasings. */
        private static DangerSignals meetingOnly() {
            return DangerSignals.parse(new StringReader("""
                    situations:
                      - id: meeting
                        name: a meeting
                        examples:
                          - a man she met online is picking her up from school today
                          - she is meeting someone from snapchat tonight
                          - an adult from a game is coming to collect him after school
                    calm:
                      - what is grooming
                      - how do I fill in the referral form
                      - who is the designated safeguarding lead
                    """), "danger.yml");
        }

        @Test
        void givenASecondView_thenItsClassifierReadsTheMessageWhole_andItsLogOddsAreTheFifthFeature() {
            DangerSignals asRead = meetingOnly();
            MeaningMargins margins = MeaningMargins.of(EmbeddingModel.DEFAULT);
            Embedder second = EmbeddingModel.MINILM.load();
            DangerSignals viewed = asRead.withMeaning(ShippedIndex.EMBEDDER, second, margins, List.of(), () -> { }).prepared();
            DangerSignals single = asRead.withMeaning(ShippedIndex.EMBEDDER, margins, List.of(), () -> { }).prepared();

            DangerSignals.Reading meeting = viewed.reading("a year 8 is meeting a man from an online game after school today");
            DangerSignals.Reading question = viewed.reading("where is the referral form");
            assertThat(meeting.second()).isBetween(0.0, 1.0).isGreaterThan(question.second());
            double p = meeting.second();
            assertThat(meeting.features(margins.withoutCue())[4]).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
            assertThat(meeting.likelihood()).as("the model's own classifier reads as before")
                    .isEqualTo(single.reading("a year 8 is meeting a man from an online game after school today").likelihood());

            DangerSignals.Reading unviewed = single.reading("a year 8 is meeting a man from an online game after school today");
            assertThat(unviewed.second()).as("no second view").isNaN();
            assertThat(unviewed.features(margins.withoutCue())[4]).isZero();
            assertThat(viewed.leavingOut(m -> m.contains("snapchat")).prepared()
                    .reading("a year 8 is meeting a man from an online game after school today").second())
                    .as("learned again without what is left out").isBetween(0.0, 1.0).isNotEqualTo(p);
        }

        @Test
        void givenAThirdView_thenItsClassifierOverItsOwnModelIsTheSixthFeature_andTheOthersReadAsBefore() {
            DangerSignals asRead = meetingOnly();
            MeaningMargins margins = MeaningMargins.of(EmbeddingModel.DEFAULT);
            Embedder second = EmbeddingModel.MINILM.load();
            Embedder third = EmbeddingModel.BGE_SMALL.load();
            DangerSignals both = asRead.withMeaning(ShippedIndex.EMBEDDER, second, third, margins, List.of(), () -> { }).prepared();
            DangerSignals secondOnly = asRead.withMeaning(ShippedIndex.EMBEDDER, second, margins, List.of(), () -> { }).prepared();
            String message = "a year 8 is meeting a man from an online game after school today";

            DangerSignals.Reading meeting = both.reading(message);
            DangerSignals.Reading question = both.reading("where is the referral form");
            assertThat(meeting.third()).isBetween(0.0, 1.0).isGreaterThan(question.third());
            assertThat(meeting.third()).as("its own classifier, over its own model's embeddings").isNotEqualTo(meeting.second());
            double p = meeting.third();
            double[] features = meeting.features(margins.withoutCue());
            assertThat(features).hasSize(7);
            assertThat(features[5]).isCloseTo(Math.log(p / (1 - p)), within(1e-9));
            DangerSignals.Reading before = secondOnly.reading(message);
            assertThat(meeting.second()).as("the second view reads as before").isEqualTo(before.second());
            assertThat(meeting.likelihood()).as("the model's own classifier reads as before").isEqualTo(before.likelihood());
            assertThat(before.third()).as("no third view").isNaN();
            assertThat(before.features(margins.withoutCue())[5]).isZero();
            assertThat(both.leavingOut(m -> m.contains("snapchat")).prepared().reading(message).third())
                    .as("learned again without what is left out").isBetween(0.0, 1.0).isNotEqualTo(p);
        }

        @Test
        void theWordingLearnedFromThePhrasingsIsTheSeventhFeature_andIsLearnedAgainWithoutWhatIsLeftOut() {
            MeaningMargins margins = MeaningMargins.of(EmbeddingModel.DEFAULT);
            DangerSignals check = meetingOnly().withMeaning(ShippedIndex.EMBEDDER, margins, List.of(), () -> { }).prepared();
            String message = "a year 8 is meeting a man from snapchat after school today";

            DangerSignals.Reading meeting = check.reading(message);
            DangerSignals.Reading question = check.reading("how do I fill in the form");
            assertThat(meeting.wording()).isFinite().isGreaterThan(question.wording());
            assertThat(meeting.features(margins.withoutCue())[6]).as("the log-odds themselves").isEqualTo(meeting.wording());
            assertThat(check.leavingOut(m -> m.contains("snapchat")).prepared().reading(message).wording())
                    .as("learned again without what is left out").isFinite().isNotEqualTo(meeting.wording());

            DangerSignals.Reading patternsOnly = new DangerSignals(List.of()).reading(message);
            assertThat(patternsOnly.wording()).as("nothing to learn from").isNaN();
            assertThat(patternsOnly.features(margins.withoutCue())[6]).isZero();
        }

        @Test
        void theShippedChecksWordingTellsAMeetingTonightFromAQuestion() {
            double meeting = ShippedGuidance.DANGER.reading("a year 7 says she is meeting a man from snapchat tonight").wording();
            double question = ShippedGuidance.DANGER.reading("what is grooming?").wording();
            assertThat(meeting).isGreaterThan(0).isGreaterThan(question);
            assertThat(question).isLessThan(0);
        }

        @Test
        void theSituationIsNamed() {
            assertThat(ShippedGuidance.DANGER.assess("a year 7 says she is meeting a man from snapchat tonight"))
                    .hasValueSatisfying(s -> assertThat(s).contains("meeting"));
        }
    }

    @Nested
    class ByPatternsOnly {

        private final DangerSignals patterns = DangerSignals.parse(ShippedIndex.resource("search/danger.yml"), "danger.yml");

        @Test
        void givenADangerPhrase_thenItIsRecognisedWithoutTheModel() {
            assertThat(patterns.present("a child is in danger, photos are being shared")).isTrue();
            assertThat(patterns.present("text from one of my swimmers: this is the last time you'll hear from me")).isTrue();
            assertThat(patterns.present("what is grooming?")).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a boy in year 10 says someone has his pics and wants £80 in gift cards by 7 tonight",
            "she's been told the video goes to her whole class at 6pm unless she sends another one",
            "a year 11 has texted his tutor that he is standing on the railway bridge by the station",
            "our 13 year old has been missing from the unit since teatime and her phone is off",
            "a year 8 hasn't come back to school after lunch and nobody knows where he is",
            "someone is threatening to post his nudes on the team chat tonite unless he sends another",
            "she told me at break she has taken a load of tablets and feels sick",
            "a man at the front desk is asking for one of our year 9 girls by name and says he's her uncle",
            "a bloke just walked in asking for the youngest lad on shift",
            "she's on a video call with a man right now and he keeps telling her to undress",
            "text from one of my swimmers: i won't be around much longer, goodbye everyone",
            "a man she met on roblox is collecting her from the park after school",
            "year 9 says she is meeting an online friend tonight and won't say where"})
        void givenASituationsOwnPattern_thenThe999LineComesFirstWithoutTheModel_andTheSituationIsNamed(String message) {
            assertThat(patterns.assess(message)).as(message).isPresent().get().isNotEqualTo("a danger phrase");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a girl went missing for a few hours last term and was found safe, do we still record it",
            "what do we do if a child goes missing from a school trip",
            "he paid them £50 by bank transfer last month to stop the pics being shared",
            "a pupil asked me to print the photos from the trip by friday",
            "two weeks ago a year 9 was told to pay by midnight or his pics would be shared, police dealt with it",
            "last term a man at the front gate was asking for a pupil by name, the police dealt with it",
            "the live stream of the carol concert is still on the school website, should we take it down",
            "her dad is collecting her after school today",
            "last year an online friend was collecting a pupil from school, the police dealt with it"})
        void givenThePastAPolicyQuestionOrNoThreat_thenNoPatternMatches(String message) {
            assertThat(patterns.present(message)).as(message).isFalse();
        }

        @Test
        void whateverBringsThe999Line_thenNeitherChildrenWhoHarmNorTheDefinitionOfSextingIsQuoted() {
            assertThat(patterns.alert("a child is in danger, photos are being shared"))
                    .hasValueSatisfying(a -> assertThat(a.neverQuote()).contains("child-abuse-and-ict#3.4", "child-abuse-and-ict#4.1"));
            assertThat(patterns.alert("a year 11 has texted his tutor that he is standing on the railway bridge by the station"))
                    .hasValueSatisfying(a -> assertThat(a.neverQuote()).contains("child-abuse-and-ict#3.4", "child-abuse-and-ict#4.1"));
        }

        @Test
        void aSextortionDeadlineBringsTheSextortionCard() {
            assertThat(patterns.alert("someone has her nudes and says they go to her family at 9 unless she pays"))
                    .hasValueSatisfying(a -> assertThat(a.cards()).contains("SEXTORTION"));
        }

        @Test
        void theMeetingSituationBringsTheAdultSolicitingCardOnlyWithWordsOfContactOnline() {
            assertThat(patterns.alert("a man she met on roblox is collecting her from the park after school"))
                    .hasValueSatisfying(a -> assertThat(a.cards()).containsExactly("ADULT_SOLICITING"));
            assertThat(patterns.alert("a man in a blue car is coming to get her from the park after school, dad has no contact"))
                    .hasValueSatisfying(a -> {
                        assertThat(a.reason()).isEqualTo("a meeting arranged with someone the child met online");
                        assertThat(a.cards()).isEmpty();
                    });
        }
    }

    @Nested
    class BrokenFile {

        private DangerSignals parse(String yaml) {
            return DangerSignals.parse(new StringReader(yaml), "danger.yml");
        }

        private static final String SITUATION = """
                situations:
                  - id: meeting
                    name: a meeting
                    examples:
                      - she is meeting him tonight
                calm:
                  - what is grooming
                """;

        @Test
        void aNeverQuoteThatIsNotASectionIdNamesItsLine() {
            assertThatThrownBy(() -> parse("never_quote: [section three]\n" + SITUATION))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("danger.yml:1").hasMessageContaining("section three");
        }

        @Test
        void aBadPatternNamesItsLine() {
            assertThatThrownBy(() -> parse(SITUATION + "patterns:\n  - '(unclosed'\n"))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("danger.yml:9: patterns[0]:")
                    .hasMessageContaining("not a valid regular expression");
        }

        @Test
        void anExampleGivenTwiceNamesBothLines() {
            assertThatThrownBy(() -> parse(SITUATION + "  - she is meeting him tonight\n"))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("danger.yml:8: calm[1]:")
                    .hasMessageContaining("already given at situations[0].examples[0] (line 5)");
        }

        @Test
        void givenASituationsCardsNeedACue_thenTheyComeWithThe999LineOnlyWhenTheMessageHasItsWords() {
            DangerSignals check = parse("""
                    cues:
                      online: \\b(online|app|snapchat)\\b
                    situations:
                      - id: meeting
                        name: a meeting
                        cards: [ADULT_SOLICITING]
                        cards_need: online
                        patterns:
                          - '\\bcoming to get her tonight\\b'
                        examples:
                          - she is meeting him tonight
                    calm:
                      - what is grooming
                    """);
            assertThat(check.alert("a man she met on snapchat is coming to get her tonight"))
                    .hasValueSatisfying(a -> assertThat(a.cards()).containsExactly("ADULT_SOLICITING"));
            assertThat(check.alert("a man at the gate says he is her uncle and is coming to get her tonight"))
                    .hasValueSatisfying(a -> {
                        assertThat(a.reason()).isEqualTo("a meeting");
                        assertThat(a.cards()).isEmpty();
                    });
            assertThatThrownBy(() -> parse(SITUATION.replace("    name: a meeting", "    name: a meeting\n    cards_need: online")))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("danger.yml:4: situations[0].cards_need:")
                    .hasMessageContaining("no cue named 'online'");
        }

        @Test
        void aBlankExampleOrAnUnknownCueNamesItsLine() {
            assertThatThrownBy(() -> parse(SITUATION.replace("      - she is meeting him tonight", "      - \"\"")))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("danger.yml:5:").hasMessageContaining("empty");
            assertThatThrownBy(() -> parse(SITUATION.replace("    name: a meeting", "    name: a meeting\n    needs: soon")))
                    .isInstanceOf(YamlProblem.class).hasMessageStartingWith("danger.yml:4: situations[0].needs:")
                    .hasMessageContaining("no cue named 'soon'");
        }

        @Test
        void aMisspeltKeyIsRefused() {
            assertThatThrownBy(() -> parse(SITUATION.replace("calm:", "clam:")))
                    .isInstanceOf(YamlProblem.class).hasMessageContaining("clam").hasMessageContaining("unknown key");
        }
    }
}
