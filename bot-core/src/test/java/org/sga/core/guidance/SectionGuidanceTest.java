package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.sga.core.yaml.YamlProblem;

class SectionGuidanceTest {

    private static final String FILE = """
            cues:
              lead: '\\\\bdsl\\\\b'
            concerns:
              - id: colleague
                name: a colleague
                examples:
                  - a teacher keeps messaging a pupil
              - id: lead-subject
                name: the safeguarding lead as the subject
                needs: lead
                examples:
                  - the DSL is the one messaging a pupil
            sections:
              guide#5.2:
                not_for: [lead-subject]
              guide#6.1:
                concerns: [colleague, lead-subject]
            """;

    private static SectionGuidance parse(String yaml) {
        return SectionGuidance.parse(new StringReader(yaml), "sections.yml");
    }

    @Test
    void givenAQuestionAboutAKindTheSectionIsNotFor_thenItDoesNotFit_whateverElseItIsAbout() {
        SectionGuidance guidance = parse(FILE);

        assertThat(guidance.fits("guide#5.2", Set.of("lead-subject", "colleague"))).isFalse();
        assertThat(guidance.fits("guide#5.2", Set.of("colleague"))).isTrue();
        assertThat(guidance.fits("guide#5.2", Set.of())).isTrue();
        assertThat(guidance.fits("guide#6.1", Set.of("lead-subject"))).isTrue();
    }

    @Test
    void givenTheWriterOpensWithTheirOwnRole_thenTheRoleIsNotTheSubjectsWords() {
        SectionGuidance shipped = ShippedGuidance.SECTIONS.prepared();

        assertThat(shipped.concernsOf("swim teacher - there's a man on the balcony filming the girls' lesson on his phone"))
                .doesNotContain("colleague").contains("other-adult");
        assertThat(shipped.concernsOf("the swim teacher has been filming the girls' lesson on his phone"))
                .contains("colleague");
        assertThat(shipped.concernsOf("our DSL - she is the one messaging the girls at night")).contains("lead-subject");
        assertThat(shipped.concernsOf("the club welfare officer is the one who's been messaging the girls"))
                .contains("lead-subject");
    }

    // Decision 113 added the commonest way round ("the person I'm worried about is our DSL") and a named nurse;
    // decision 117 the lead named first with the worry after it, and a manager by another title said to be the one.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "the worry is about the stable owner. he's also our safeguarding lead, who do I tell?|true",
        "our club secretary, who is also the welfare officer, keeps texting the juniors late|true",
        "who is the safeguarding lead for the Saturday club?|false",
        "the person i'm worried about is our welfare officer, can I just ask him about it?|true",
        "our named nurse for safeguarding is actually the one the concern is about|true",
        "the concern is actually about our DSL, she messages the year 10s at night|true",
        "our safeguarding nurse is the one to ask about a disclosure, isn't she?|false",
        "the warden is our welfare officer and it's him I'm worried about, who do I tell?|true",
        "my shift supervisor is the one the lad told me about, do I still go to him?|true",
        "our team leader is actually the person sending the messages|true",
        "my line manager is the one to tell about a concern, isn't she?|false",
        "our area manager is the one who deals with complaints from parents|false"})
    void givenThePersonAConcernIsAboutIsSaidToBeTheLead_thenItIsAConcernAboutTheLead(String message, boolean aboutTheLead) {
        assertThat(ShippedGuidance.SECTIONS.prepared().concernsOf(message).contains("lead-subject")).as(message)
                .isEqualTo(aboutTheLead);
    }

    @Test
    void aBrokenOwnRolePatternNamesItsLine() {
        assertThatThrownBy(() -> parse("own_role: '^(unclosed'\n" + FILE))
                .isInstanceOf(YamlProblem.class).hasMessageStartingWith("sections.yml:1: own_role:")
                .hasMessageContaining("not a valid regular expression");
    }

    @Test
    void anUnknownKindInNotForNamesItsLine() {
        assertThatThrownBy(() -> parse(FILE.replace("not_for: [lead-subject]", "not_for: [lead]")))
                .isInstanceOf(YamlProblem.class).hasMessageStartingWith("sections.yml:15: sections.guide#5.2.not_for[0]:")
                .hasMessageContaining("no kind of concern named 'lead'");
    }
}
