package org.sga.core.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import org.junit.jupiter.api.Test;

class NotCoveredTest {

    private static final String TOPICS = """
            online_words: '\\b(online|phone|snapchat|photos?|videos?)\\b'
            topics:
              - name: Fostering and care arrangements
                phrases: [can a foster child stay overnight with friends]
              - name: Physical punishment at home (offline)
                offline: true
                phrases: [a parent punishes a child harshly at home]
            """;

    @Test
    void aTopicWithoutPhrasingsIsRefusedByName() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader("topics:\n  - name: Empty\n")))
                .hasMessageContaining("topics[0]").hasMessageContaining("needs a name and a list of phrases");
    }

    @Test
    void givenAnOfflineTopic_thenItIsNamedOnlyToAMessageWithNoWordOfSomethingOnline() {
        NotCovered topics = NotCovered.parse(new StringReader(TOPICS));
        NotCovered.Topic offline = topics.topics().get(1);

        assertThat(offline.offline()).isTrue();
        assertThat(topics.named(offline, "her stepdad hits her with a belt when he is drunk")).isTrue();
        assertThat(topics.named(offline, "her stepdad shows her rude videos on his phone")).isFalse();
        assertThat(topics.named(offline, "a y4 says her stepdad takes PHOTOS of her in the bath")).isFalse();
    }

    @Test
    void givenATopicNotMarkedOffline_thenItIsNamedWhateverTheWords() {
        NotCovered topics = NotCovered.parse(new StringReader(TOPICS));
        NotCovered.Topic fostering = topics.topics().get(0);

        assertThat(fostering.offline()).isFalse();
        assertThat(topics.named(fostering, "can my foster child go on a sleepover, her friend's mum messaged me on snapchat"))
                .isTrue();
    }

    @Test
    void givenAnOfflineTopicWithoutOnlineWords_thenTheFileIsRefusedNamingTheTopic() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader("""
                topics:
                  - name: Bullying (offline)
                    offline: true
                    phrases: [children calling a pupil names in the playground]
                """))).hasMessageContaining("topics[0] (Bullying (offline))").hasMessageContaining("offline needs online_words");
    }

    @Test
    void givenOnlineWordsThatAreNotARegularExpression_thenTheFileIsRefused() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader("online_words: '(online|phone'\ntopics:\n  - name: A\n    phrases: [a]\n")))
                .hasMessageContaining("online_words").hasMessageContaining("not a regular expression");
    }

    @Test
    void givenOfflineThatIsNotTrueOrFalse_thenTheFileIsRefusedNamingTheTopic() {
        assertThatThrownBy(() -> NotCovered.parse(new StringReader(
                "online_words: 'online'\ntopics:\n  - name: Bullying (offline)\n    offline: sometimes\n    phrases: [a]\n")))
                .hasMessageContaining("topics[0] (Bullying (offline))").hasMessageContaining("true or false");
    }

    @Test
    void everyShippedTopicNamedOfflineIsMarkedOffline() {
        NotCovered shipped = NotCovered.parse(ShippedIndex.resource("search/not-covered.yml"));

        assertThat(shipped.onlineWords()).isNotNull();
        assertThat(shipped.topics()).filteredOn(t -> t.name().contains("(offline)")).isNotEmpty()
                .allSatisfy(t -> assertThat(t.offline()).as(t.name()).isTrue());
        assertThat(shipped.topics()).filteredOn(NotCovered.Topic::offline)
                .allSatisfy(t -> assertThat(t.name()).contains("(offline)"));
    }
}
