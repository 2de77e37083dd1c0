package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotCoveredTest {

    private final NotCovered topics = NotCovered.parse(new StringReader("""
            topics:
              - name: Annual leave
                phrases:
                  - how do I book annual leave
                  - "can I carry over my leave"
              - name: Wifi
                phrases:
                  - whats the wifi password
            """));

    @Test
    void questionsBeingMeasuredAreLeftOutOfThePhrasingsAndATopicLeftWithNoneIsDropped() {
        List<String> measured = List.of("How do I book  annual leave", "WHATS THE WIFI PASSWORD", "something else");

        NotCovered without = topics.without(measured);

        assertThat(topics.phrasingsAmong(measured)).isEqualTo(2);
        assertThat(without.topics()).extracting(NotCovered.Topic::name).containsExactly("Annual leave");
        assertThat(without.topics().get(0).phrases()).containsExactly("can I carry over my leave");
        assertThat(topics.without(List.of()).topics()).isEqualTo(topics.topics());
    }

    @Test
    void aTopicWithoutPhrasingsIsRefusedByName() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader("topics:\n  - name: Empty\n")))
                .hasMessageContaining("topics[0]").hasMessageContaining("needs a name and a list of phrases");
    }
}
