package org.sga.core.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.content.Section;
import org.sga.core.search.Hit;
import org.sga.core.search.SearchResult;
import org.sga.core.search.ShippedIndex;
import org.sga.core.testkit.CardFixtures;

class AnswersTest {

    private final Answers answers = new Answers(ShippedIndex.LIBRARY);

    private static Section section(String key) {
        return ShippedIndex.LIBRARY.section("child-abuse-and-ict#" + key).orElseThrow();
    }

    private static SearchResult answered(String... keys) {
        List<Hit> hits = java.util.Arrays.stream(keys).map(k -> new Hit(section(k), 1, 0.8, 0.9)).toList();
        return new SearchResult("an invented question", SearchResult.Decision.ANSWERED, 0.9, hits);
    }

    @Test
    void givenASectionThatOnlyIntroducesTheNext_thenBothAreQuotedAsPublishedAndCitedAsARange() {
        assertThat(section("4.3").text().strip()).endsWith(":");

        Reply reply = answers.compose(answered("4.3", "4.4", "1.4"), false, List.of());

        String body = reply.text().split("\n\\[…]")[0];
        assertThat(body).startsWith(section("4.3").text().strip() + "\n\n");
        assertThat(section("4.4").text()).startsWith(body.substring(section("4.3").text().strip().length() + 2));
        assertThat(body).contains("The police should be contacted immediately.");
        assertThat(reply.citation().label()).isEqualTo("Child abuse and Information Technology §4.3–4.4");
        // The id is the section introduced, which is what answers.
        assertThat(reply.citation().sectionId()).isEqualTo("child-abuse-and-ict#4.4");
        assertThat(reply.seeAlso()).extracting(Citation::sectionId).containsExactly("child-abuse-and-ict#1.4");
    }

    @Test
    void givenTheSectionALeadInIntroduces_thenTheLeadInIsQuotedBeforeItAndNotRepeatedUnderSeeAlso() {
        Reply reply = answers.compose(answered("4.4", "4.3", "1.4"), false, List.of());

        String body = reply.text().split("\n\\[…]")[0];
        assertThat(body).startsWith(section("4.3").text().strip() + "\n\nThe police should be contacted immediately.");
        assertThat(reply.citation().label()).isEqualTo("Child abuse and Information Technology §4.3–4.4");
        assertThat(reply.seeAlso()).extracting(Citation::sectionId).containsExactly("child-abuse-and-ict#1.4");
    }

    @Test
    void givenASectionThatStandsAlone_thenOnlyItIsQuoted() {
        Reply reply = answers.compose(answered("1.4", "4.4", "2.1"), false, List.of());

        assertThat(reply.citation().label()).isEqualTo("Child abuse and Information Technology §1.4");
        assertThat(section("1.4").text()).startsWith(reply.text().split("\n\\[…]")[0]);
        assertThat(reply.seeAlso()).extracting(Citation::sectionId)
                .containsExactly("child-abuse-and-ict#4.4", "child-abuse-and-ict#2.1");
    }

    @Test
    void givenAMissingDetail_thenTheReplySaysTheProcedureDoesNotGiveIt() {
        SearchResult result = new SearchResult("how long do we keep the copies", SearchResult.Decision.NOT_CONFIDENT, 0.9,
                List.of(new Hit(section("7.1"), 1, 0.8, 0.9)), null, "a length of time", true);

        Reply reply = answers.compose(result, false, List.of());

        assertThat(reply.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);
        assertThat(reply.text()).startsWith("That asks for a length of time, and the closest section of the procedures does not"
                + " give one.").contains("safeguarding lead");
        assertThat(reply.seeAlso()).extracting(Citation::sectionId).containsExactly("child-abuse-and-ict#7.1");
    }

    @Test
    void givenATopicNotCoveredThatMayBeNamed_thenTheReplyNamesIt_andOneThatMayNot_thenItOnlySaysItIsNotSure() {
        List<Hit> closest = List.of(new Hit(section("1.3"), 1, 0.4, 0.8));
        SearchResult named = new SearchResult("an invented question", SearchResult.Decision.NOT_CONFIDENT, 0.8, closest,
                "Physical punishment at home (offline)", null, true);
        SearchResult unnamed = new SearchResult("an invented question about a video", SearchResult.Decision.NOT_CONFIDENT, 0.8,
                closest, "Physical punishment at home (offline)", null, false);

        Reply withName = answers.compose(named, false, List.of());
        Reply without = answers.compose(unnamed, false, List.of());

        assertThat(withName.text()).startsWith("That may be a question about \"Physical punishment at home (offline)\", which the"
                + " procedures loaded here do not cover.");
        assertThat(without.kind()).isEqualTo(Reply.Kind.NOT_CONFIDENT);
        assertThat(without.text()).startsWith("I'm not sure the procedures I know answer that").doesNotContain("Physical punishment")
                .doesNotContain("do not cover").contains("safeguarding lead");
        assertThat(without.seeAlso()).extracting(Citation::sectionId).containsExactly("child-abuse-and-ict#1.3");
    }

    @Test
    void givenACardHeldBackByItsFarMargin_thenItIsNotShownButItsNeverQuotedSectionIsStillNotTheAnswer() {
        String file = CardFixtures.RECORD_CARD.replace("procedure: [child-abuse-and-ict#4.4]\n",
                "procedure: [child-abuse-and-ict#4.4]\n    never_quote: [child-abuse-and-ict#6.1]\n") + """
                labelled:
                  - {message: "do I jot down the child's exact words or my summary", cards: [KEEP_A_RECORD]}
                  - {message: "how do I take the minutes of the governors meeting", cards: []}
                  - {message: "where do we keep the minutes of staff meetings", cards: []}
                """;
        String e5 = CardFixtures.E5_MARGINS + "    cards:\n      KEEP_A_RECORD:\n        card: 0\n        card-without-words: 0\n";
        assertThat(file).contains("never_quote: [child-abuse-and-ict#6.1]");
        String question = "where are the minutes of the staff meeting kept";
        Answers always = withCard(file, e5);
        Answers farHeldBack = withCard(file, e5 + "        card-far: 0.0\n");

        Reply shown = always.compose(answered("6.1", "5.3"), question, null, List.of());
        Reply heldBack = farHeldBack.compose(answered("6.1", "5.3"), question, null, List.of());
        Reply noCards = answers.compose(answered("6.1", "5.3"), question, null, List.of());

        assertThat(shown.guidance()).as("the classifier alone shows it").isNotEmpty();
        assertThat(heldBack.guidance()).as("far closer to the messages that do not need it").isEmpty();
        assertThat(heldBack.citation().sectionId()).isEqualTo("child-abuse-and-ict#5.3");
        assertThat(noCards.citation().sectionId()).as("without the card, the best hit").isEqualTo("child-abuse-and-ict#6.1");
    }

    @Test
    void givenTheNearestLabelledMessagesNeverQuoteTheBestSection_thenTheNextIsTheAnswer() {
        String file = CardFixtures.RECORD_CARD + CardFixtures.NEVER_QUOTING_LABELLED;
        String noCard = CardFixtures.E5_MARGINS + "    cards:\n      KEEP_A_RECORD:\n        card: 1\n        card-without-words: 1\n";
        Answers nearest = withCard(file, noCard + "    never-quote-nearest: 3\n    never-quote-share: 0.6\n");
        Answers without = withCard(file, noCard);

        Reply forward = nearest.compose(answered("6.1", "5.3"), "can I email the picture of her to our DSL", null, List.of());
        Reply minutes = nearest.compose(answered("6.1", "5.3"), "where are the minutes of the staff meeting kept", null, List.of());
        Reply unmeasured = without.compose(answered("6.1", "5.3"), "can I email the picture of her to our DSL", null, List.of());

        assertThat(forward.guidance()).isEmpty();
        assertThat(forward.citation().sectionId()).as("all three nearest never quote 6.1; only one names 5.3")
                .isEqualTo("child-abuse-and-ict#5.3");
        assertThat(minutes.citation().sectionId()).as("one of its three nearest never quotes it").isEqualTo("child-abuse-and-ict#6.1");
        assertThat(unmeasured.citation().sectionId()).as("without the margins").isEqualTo("child-abuse-and-ict#6.1");
    }

    private static Answers withCard(String file, String e5Margins) {
        org.sga.core.guidance.GuidanceCards cards = org.sga.core.guidance.GuidanceCards.parse(new java.io.StringReader(file), "cards.yml")
                .withMeaning(ShippedIndex.EMBEDDER, CardFixtures.margins(e5Margins), ShippedIndex.LIBRARY, () -> { }).prepared();
        return new Answers(ShippedIndex.LIBRARY, cards, org.sga.core.guidance.SectionGuidance.empty(), null);
    }

    @Test
    void onlyTheShippedLeadInSectionEndsWithAColon() {
        assertThat(ShippedIndex.LIBRARY.sections()).filteredOn(Section::leadsIn).extracting(Section::id).containsExactly("4.3");
    }
}
