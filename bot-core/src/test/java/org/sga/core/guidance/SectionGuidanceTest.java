package org.sga.core.guidance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.Set;
import org.junit.jupiter.api.Test;
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
    void anUnknownKindInNotForNamesItsLine() {
        assertThatThrownBy(() -> parse(FILE.replace("not_for: [lead-subject]", "not_for: [lead]")))
                .isInstanceOf(YamlProblem.class).hasMessageStartingWith("sections.yml:15: sections.guide#5.2.not_for[0]:")
                .hasMessageContaining("no kind of concern named 'lead'");
    }
}
