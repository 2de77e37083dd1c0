package org.sga.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sga.content.Library;
import org.sga.content.Section;
import org.sga.core.search.NotCovered;

class LeftOutTest {

    private final Library library = Shipped.LIBRARY;

    @Test
    void phrasingsThatAreQuestionsBeingMeasuredAreLeftOutWhateverTheirCaseQuotesAndSpacing() {
        Section opening = library.section("child-abuse-and-ict#0").orElseThrow();
        String phrasing = opening.alternates().get(0);
        String asAsked = "  " + phrasing.toUpperCase(java.util.Locale.ROOT).replace(" ", "   ") + " ";

        Library without = LeftOut.library(library, List.of(asAsked, "a question no section has"));

        assertThat(LeftOut.phrasingsAmong(library, NotCovered.none(), List.of(asAsked, "a question no section has"))).isEqualTo(1);
        Section after = without.section("child-abuse-and-ict#0").orElseThrow();
        assertThat(after.alternates()).doesNotContain(phrasing).hasSize(opening.alternates().size() - 1);
        assertThat(after.text()).isEqualTo(opening.text());
        assertThat(without.sections()).hasSameSizeAs(library.sections());
        assertThat(without.section("child-abuse-and-ict#4.4").orElseThrow().alternates())
                .isEqualTo(library.section("child-abuse-and-ict#4.4").orElseThrow().alternates());
    }

    @Test
    void topicPhrasingsBeingMeasuredAreLeftOutAndATopicLeftWithNoneIsDropped() {
        NotCovered topics = NotCovered.parse(new StringReader("""
                topics:
                  - name: Annual leave
                    phrases:
                      - how do I book annual leave
                      - "can I carry over my leave"
                  - name: Wifi
                    phrases:
                      - whats the wifi password
                """));
        List<String> measured = List.of("How do I book  annual leave", "WHATS THE WIFI PASSWORD", "something else");

        NotCovered without = LeftOut.notCovered(topics, measured);

        assertThat(LeftOut.phrasingsAmong(new Library(List.of()), topics, measured)).isEqualTo(2);
        assertThat(without.topics()).extracting(NotCovered.Topic::name).containsExactly("Annual leave");
        assertThat(without.topics().get(0).phrases()).containsExactly("can I carry over my leave");
        assertThat(LeftOut.notCovered(topics, List.of()).topics()).isEqualTo(topics.topics());
    }
}
