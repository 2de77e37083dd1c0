package org.sga.core.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class SplitDocumentTest {

    private static SplitDocument parse(String text) {
        return SplitDocument.parse(new StringReader(text), "cards.yml", "labelled");
    }

    @Test
    void givenAListOneItemALine_thenItsItemsAreReadWithTheFilesLinesAndTheRestAsTheDocument() {
        SplitDocument doc = parse("""
                cards: [A]
                labelled:
                  # a comment between items
                  - {message: one, cards: [A]}

                  - message: two
                    cards: []
                files: A
                """);

        assertThat(doc.root().get("cards").texts()).containsExactly("A");
        assertThat(doc.root().get("files").text()).isEqualTo("A");
        assertThat(doc.root().get("files").line()).isEqualTo(8);
        assertThat(doc.root().get("labelled").isPresent()).isFalse();
        List<LinedYaml> items = new java.util.ArrayList<>();
        doc.items().forEach(items::add);
        assertThat(items).extracting(i -> i.get("message").text()).containsExactly("one", "two");
        assertThat(items).extracting(LinedYaml::line).containsExactly(4, 6);
        assertThat(items.get(1).get("cards").line()).isEqualTo(7);
        assertThat(items.get(1).get("cards").path()).isEqualTo("labelled[1].cards");
    }

    @Test
    void givenTheListWrittenInOne_thenItIsReadWithTheDocument() {
        SplitDocument doc = parse("cards: [A]\nlabelled: [{message: one, cards: [A]}]\n");

        assertThat(doc.items()).extracting(i -> i.get("message").text()).containsExactly("one");
        assertThat(doc.root().get("cards").texts()).containsExactly("A");
    }

    @Test
    void givenABrokenItem_thenTheProblemNamesItsLineInTheFile() {
        assertThatThrownBy(() -> parse("cards: [A]\nlabelled:\n  - {message: one, cards: [A]}\n  - {message: two, cards: [\n").items()
                .forEach(LinedYaml::line))
                .isInstanceOf(YamlProblem.class).hasMessageStartingWith("cards.yml:4: labelled[1]: not valid YAML");
        assertThatThrownBy(() -> parse("cards: [A]\nlabelled:\n  - {message: one, cards: [A]}\n  - {message: two, cards: A}\n")
                .items().forEach(i -> i.get("cards").items()))
                .isInstanceOf(YamlProblem.class).hasMessageStartingWith("cards.yml:4: labelled[1].cards: expected a list");
    }
}
