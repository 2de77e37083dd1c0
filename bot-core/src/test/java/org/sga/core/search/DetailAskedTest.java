package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DetailAskedTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "how long will the police hang on to the family laptop | DURATION",
        "how many working days does CSC get to reply to a referral | DURATION",
        "is there a time limit for making the referral | DURATION",
        "how many officers usually come out to a school | COUNT",
        "how much does it cost to get the training delivered | COUNT_OR_COST",
        "does it cost anything to get advice on handling the images | COST",
        "is it free to send staff on the course | COST",
        "is there a cost to asking for the guidance, who pays | COST",
        "what's the phone number for the duty team | CONTACT",
        "need the email adress for the first contact team pls | CONTACT",
        "whats the maximum sentence for having indecent images | SENTENCE",
        "what prison sentence would an adult get for grooming online | SENTENCE",
        "what kind of punishment would a man get for having those pics | SENTENCE"})
    void theDetailAQuestionAsksForIsRecognised(String question, String expected) {
        DetailAsked found = DetailAsked.in(question).orElseThrow();
        if (expected.equals("COUNT_OR_COST")) {
            assertThat(found).isEqualTo(DetailAsked.COST);
        } else {
            assertThat(found).isEqualTo(DetailAsked.valueOf(expected));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a number of pupils have seen the video, what do i do",
        "who do i tell about a teacher messaging a pupil",
        "what is sexting",
        "the police took his phone, what happens next",
        "she has been sent a long message from a man online"})
    void questionsThatAskForNoParticularDetailAreLeftAlone(String question) {
        assertThat(DetailAsked.in(question)).isEmpty();
    }

    @Test
    void aSectionStatesADetailWhenItHoldsAnythingOfThatKind() {
        String fourFour = ShippedIndex.LIBRARY.section("child-abuse-and-ict#4.4").orElseThrow().text();
        String sevenOne = ShippedIndex.LIBRARY.section("child-abuse-and-ict#7.1").orElseThrow().text();
        // 4.4: "All evidence must be preserved until the Police are able to gather the evidence."
        assertThat(DetailAsked.DURATION.statedIn(fourFour)).isTrue();
        assertThat(DetailAsked.DURATION.statedIn(sevenOne)).isFalse();
        assertThat(DetailAsked.CONTACT.statedIn(fourFour)).isFalse();
        assertThat(DetailAsked.CONTACT.statedIn("ring 0800 123 456 or write to duty@example.org")).isTrue();
        assertThat(DetailAsked.CONTACT.statedIn("ring 01632 960 123")).isTrue();
        assertThat(DetailAsked.CONTACT.statedIn("if a child is in danger call 999")).isTrue();
        // §8 cites "(Para 118)" of a report: a reference, not a telephone number.
        String eight = ShippedIndex.LIBRARY.section("child-abuse-and-ict#8").orElseThrow().text();
        assertThat(DetailAsked.CONTACT.statedIn(eight)).isFalse();
        assertThat(DetailAsked.COST.statedIn("the course costs £40")).isTrue();
        // A figure that is not a length of time, or an age, is not the detail asked for.
        assertThat(DetailAsked.DURATION.statedIn("a Section 47 enquiry should be considered")).isFalse();
        assertThat(DetailAsked.DURATION.statedIn("a report is due in 15 working days")).isTrue();
        assertThat(DetailAsked.SENTENCE.statedIn("a child (under the age of 18 years)")).isFalse();
        assertThat(DetailAsked.SENTENCE.statedIn("liable to imprisonment for up to 10 years")).isTrue();
    }

    // The rule is tested without the topics not covered: staff asked about retention periods often enough that a
    // topic now declines the first question below before the rule is reached (the last test checks that).
    @Test
    void aSectionOnTheRightTopicThatDoesNotGiveTheDetailIsNotPresentedAsTheAnswer() {
        SearchResult result = ShippedIndex.HYBRID_WITHOUT_TOPICS.search(RETENTION, 5);

        assertThat(result.answered()).isFalse();
        assertThat(result.missingDetail()).isEqualTo("a length of time");
        assertThat(result.hits()).isNotEmpty();
    }

    @Test
    void aSectionThatGivesItInWordsStillAnswers() {
        SearchResult result = ShippedIndex.HYBRID_WITHOUT_TOPICS.search(
                "nudes of a year 9 were posted on a website, how long do we keep the evidence for the police", 5);

        assertThat(result.missingDetail()).isNull();
        assertThat(result.answered()).isTrue();
        assertThat(result.hits().get(0).section().id()).isEqualTo("4.4");
    }

    @Test
    void asShippedARetentionQuestionIsDeclinedEitherWay() {
        SearchResult result = ShippedIndex.HYBRID.search(RETENTION, 5);

        assertThat(result.answered()).isFalse();
        assertThat(result.missingDetail() != null || result.notCoveredTopic() != null).isTrue();
    }

    private static final String RETENTION = "how long must the copies of the images be stored before they can be destroyed";
}
