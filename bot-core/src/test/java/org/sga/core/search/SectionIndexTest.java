package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.sga.content.Library;
import org.sga.content.Procedure;
import org.sga.content.Section;

class SectionIndexTest {

    private final SectionIndex index = ShippedIndex.HYBRID;

    private String best(String question) {
        return index.search(question, 5).hits().get(0).section().globalId();
    }

    @Nested
    class Synonyms {

        @Test
        void givenSlangForSelfTakenImages_thenSextingSectionsAreFound() {
            SearchResult r = index.search("nudes", 5);
            assertThat(r.hits()).extracting(h -> h.section().id()).first().isIn("4.1", "4.2");
        }

        @Test
        void givenAcronymLado_thenConcernsAboutAColleagueAreFound() {
            assertThat(best("who is the LADO and when do I contact them about a teacher")).isEqualTo("child-abuse-and-ict#6.1");
        }

        @Test
        void synonymsWorkInTheLexicalIndexToo() {
            // "csam" never appears in the text; its synonym "indecent images" does.
            SearchResult r = ShippedIndex.LEXICAL.search("csam", 5);
            assertThat(r.hits()).isNotEmpty();
            assertThat(r.hits().get(0).section().text().toLowerCase() + r.hits().get(0).section().alternates())
                    .containsAnyOf("indecent image", "child sexual abuse");
        }

        @Test
        void misspeltWordsAreCorrectedAgainstTheVocabulary() {
            SearchResult plain = ShippedIndex.LEXICAL.search("seize communications police", 3);
            SearchResult typo = ShippedIndex.LEXICAL.search("sieze comunications polcie", 3);
            assertThat(typo.hits().get(0).section().globalId()).isEqualTo(plain.hits().get(0).section().globalId());
        }
    }

    @Nested
    class Decision {

        @ParameterizedTest
        @ValueSource(strings = {
            "How do I book annual leave?",
            "what is the wifi password",
            "when are timesheets due this month",
            "how do I claim mileage expenses",
            "what does the fire evacuation procedure say"})
        void givenAnOutOfScopeQuestion_thenNotConfident(String question) {
            assertThat(index.search(question, 5).answered()).isFalse();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "a pupil's nudes are going round school, what do I do?",
            "what is grooming",
            "can the police take his laptop",
            "where do we keep the material securely"})
        void givenAnInScopeQuestion_thenAnswered(String question) {
            assertThat(index.search(question, 5).answered()).isTrue();
        }

        // Invented child-protection questions the procedure answers. Topics not covered share much of their wording
        // (adults' images, staff's own social media, referrals), and e5 hardly tells a 14-year-old from a 20-year-old,
        // so a phrase added to not-covered.yml must never pull one of these away from its section.
        @ParameterizedTest
        @ValueSource(strings = {
            "someone online is grooming a child in my class",
            "a girl is being blackmailed to send more pictures",
            "a 14 year old boy made a fake account to get pics off younger boys, what do we do about him",
            "a teaching assistant keeps messaging year 6 children on whatsapp from her own phone",
            "mum is sending her 12 year old abusive texts every night, does emotional abuse online count",
            "the man messaging the child turns out to be 16, does that change what we do",
            "mum is asking whether the police will seize her son's phone",
            "a volunteer at the youth club has added lots of the kids on snapchat"})
        void givenAChildProtectionQuestion_thenItIsNeverDeclinedAsNotCovered(String question) {
            assertThat(index.search(question, 5).notCoveredTopic()).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "how do I set up parental controls on the xbox",
            "will the teacher be suspended while the allegation is investigated",
            "can staff be friends with parents on facebook",
            "when will the police give the school laptop back"})
        void givenAQuestionOnATopicNotCovered_thenItIsDeclinedNamingTheTopic(String question) {
            SearchResult r = index.search(question, 5);
            assertThat(r.answered()).isFalse();
            assertThat(r.notCoveredTopic()).isNotBlank();
        }

        // The offline side of a harm the procedures cover online: declined as that topic, it is kept for the content
        // owners, but a message about something online or an image is not told the procedures do not cover it.
        @Test
        void givenAMessageDeclinedAsAnOfflineTopic_thenTheTopicIsNamedOnlyWithoutWordsOfSomethingOnline() {
            SearchResult online = index.search("her stepdad shows her rude videos on his phone", 5);
            SearchResult offline = index.search("a boy in my group says his dad hits him with a belt when he is drunk", 5);

            assertThat(online.answered()).isFalse();
            assertThat(online.notCoveredTopic()).contains("(offline)");
            assertThat(online.namedTopic()).isNull();
            assertThat(offline.answered()).isFalse();
            assertThat(offline.namedTopic()).contains("(offline)");
        }

        @Test
        void aTopicNotCoveredIsAsCloseAsTheMeanOfItsTwoClosestPhrasings() {
            float[] q = {1, 0, 0};
            float[][] phrasings = {{0.2f, 0.98f, 0}, {0.9f, 0.44f, 0}, {0.6f, 0.8f, 0}};

            assertThat(Vectors.closeness(q, phrasings, SectionVectors.PHRASINGS_PER_TOPIC)).isCloseTo((0.9 + 0.6) / 2, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Vectors.closeness(q, new float[][] {{0.7f, 0.71f, 0}}, SectionVectors.PHRASINGS_PER_TOPIC)).isCloseTo(0.7, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(Vectors.closeness(q, new float[0][], SectionVectors.PHRASINGS_PER_TOPIC)).isEqualTo(Double.NEGATIVE_INFINITY);
        }

        @Test
        void notConfidentResultsStillListTheClosestSections() {
            SearchResult r = index.search("how do I book annual leave", 5);
            assertThat(r.answered()).isFalse();
            assertThat(r.hits()).isNotEmpty().hasSizeLessThanOrEqualTo(5);
        }

        @Test
        void hitsAreRankedBestFirst() {
            List<Hit> hits = index.search("images posted online what do we do", 5).hits();
            for (int i = 1; i < hits.size(); i++) {
                assertThat(hits.get(i).score()).isLessThanOrEqualTo(hits.get(i - 1).score());
            }
        }
    }

    @Nested
    class UserTextIsPlainText {

        @ParameterizedTest
        @ValueSource(strings = {"*:*", "AND OR (((", "\"", "\\", "title:foo^10 ~2", "a AND (b OR", "NOT *", "?*?", "[1 TO 5]", "{!lucene}"})
        void luceneSyntaxNeverErrors(String text) {
            assertThatCode(() -> index.search(text, 5)).doesNotThrowAnyException();
        }

        @Test
        void matchAllSyntaxIsNotAQuestionAboutAnything() {
            assertThat(index.search("*:*", 5).answered()).isFalse();
        }

        @Test
        void operatorsDoNotChangeTheMeaning() {
            assertThat(best("police AND seize OR laptop")).isEqualTo(best("police seize laptop"));
            assertThat(best("\"grooming\" (online)")).isEqualTo(best("grooming online"));
        }

        @Test
        void aVeryLongMessageIsSearchedOnItsBeginning() {
            String longText = "my pupil's nudes are being shared ".repeat(1_300);
            assertThat(longText.length()).isGreaterThan(40_000);
            SearchResult r = index.search(longText, 5);
            assertThat(r.hits()).isNotEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "   ", "!!!???...", "😀😀😀", "\u0000\u0007\u001b[31m", "儿童安全问题", "سلامة الأطفال"})
        void emptyPunctuationEmojiControlAndOtherScriptsNeverError(String text) {
            SearchResult r = index.search(text, 5);
            assertThat(r.answered()).isFalse();
        }
    }

    @Test
    void givenASecondProcedure_thenItsSectionsAreSearchableWithoutCodeChanges() {
        Section drill = new Section("online-safety-drills", "1.1", "1. Drills", "Practise the fire and lockdown drill every term.", List.of());
        Library two = Library.of(List.of(ShippedIndex.LIBRARY.procedures().get(0), new Procedure("online-safety-drills",
                "Online Safety Drills", "Online Safety Drills", "Example", "https://example.org/", "1",
                java.time.LocalDate.of(2026, 1, 1), List.of(drill))));
        SectionIndex lexical = ShippedIndex.lexical(two, new StringReader(""));
        assertThat(lexical.search("lockdown drill every term", 3).hits().get(0).section().globalId()).isEqualTo("online-safety-drills#1.1");
        assertThat(lexical.size()).isEqualTo(25);
    }

    @Nested
    class LeadIn {

        // An invented procedure whose 2.1 only introduces 2.2, as the shipped 4.3 introduces 4.4.
        private final Library drills = Library.of(List.of(new Procedure("evacuation-drills", "Evacuation Drills",
                "Evacuation Drills", "Example", "https://example.org/", "1", java.time.LocalDate.of(2026, 1, 1), List.of(
                new Section("evacuation-drills", "1.1", "1. Alarms", "Test the fire alarm every week and log the result.", List.of()),
                new Section("evacuation-drills", "2.1", "2. Flooding", "If the basement floods during a lesson the following steps apply:",
                        List.of("what if the basement floods")),
                new Section("evacuation-drills", "2.2", "2. Flooding", "Move pupils to the upper floor and call the site manager.", List.of())))));

        @Test
        void givenWordsOnlyTheLeadInHas_thenTheSectionItIntroducesIsFoundAndTheLeadInNeverListed() {
            SectionIndex lexical = ShippedIndex.lexical(drills, new StringReader(""));

            SearchResult r = lexical.search("basement floods during a lesson", 5);

            assertThat(r.hits()).extracting(h -> h.section().globalId()).first().isEqualTo("evacuation-drills#2.2");
            assertThat(r.hits()).extracting(h -> h.section().id()).doesNotContain("2.1");
        }

        @Test
        void givenWordsOfTheLeadInAndOfTheSectionItIntroduces_thenTheirCoverageCountsTogether() {
            SectionIndex lexical = ShippedIndex.lexical(drills, new StringReader(""));

            SearchResult r = lexical.search("basement floods, upper floor site manager", 5);

            assertThat(r.hits().get(0).section().id()).isEqualTo("2.2");
            assertThat(r.hits().get(0).coverage()).isEqualTo(1.0);
        }

        @Test
        void inTheShippedHybridTheLeadInIsFoundAsTheSectionItIntroduces() {
            String leadIn = ShippedIndex.LIBRARY.section("child-abuse-and-ict#4.3").orElseThrow().text();

            SearchResult r = index.search(leadIn, 5);

            assertThat(r.hits().get(0).section().globalId()).isEqualTo("child-abuse-and-ict#4.4");
            assertThat(r.hits()).extracting(h -> h.section().id()).doesNotContain("4.3");
        }
    }
}
