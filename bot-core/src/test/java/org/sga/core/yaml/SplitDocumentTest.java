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
    void givenAReaderThatGivesAFewCharactersAtATime_thenLinesAcrossItsReadsAndOutsideLatin1KeepTheirText() {
        String text = "cards: [A]\r\nlabelled:\n  - {message: \"caf\u00e9 \u2019quoted\u2019 \ud83d\ude00\", cards: [A]}\n"
                + "  - {message: " + "long ".repeat(20_000) + "end, cards: []}\nfiles: A";
        java.io.Reader trickle = new java.io.FilterReader(new StringReader(text)) {
            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                return super.read(buffer, offset, Math.min(length, 3));
            }
        };

        SplitDocument doc = SplitDocument.parse(trickle, "cards.yml", "labelled");

        List<LinedYaml> items = new java.util.ArrayList<>();
        doc.items().forEach(items::add);
        assertThat(items).extracting(i -> i.get("message").text())
                .containsExactly("caf\u00e9 \u2019quoted\u2019 \ud83d\ude00", "long ".repeat(20_000) + "end");
        assertThat(items).extracting(LinedYaml::line).containsExactly(3, 4);
        assertThat(doc.root().get("files").line()).isEqualTo(5);
        assertThat(doc.root().get("cards").texts()).containsExactly("A");
    }

    @Test
    void givenAListItemByItem_thenItIsReadOnceAndItsTextLetGo() {
        SplitDocument doc = parse("cards: [A]\nlabelled:\n  - {message: one, cards: [A]}\n");
        Iterable<LinedYaml> items = doc.items();

        assertThat(items).extracting(i -> i.get("message").text()).containsExactly("one");
        assertThatThrownBy(items::iterator).isInstanceOf(IllegalStateException.class)
                .hasMessage("the items of 'labelled' are read once, and were");
        assertThatThrownBy(() -> doc.items().iterator()).isInstanceOf(IllegalStateException.class);
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

    @Test
    void givenTwoLists_thenEachIsReadItemByItemWithTheFilesLines() {
        SplitDocument doc = SplitDocument.parse(new StringReader("""
                cues: {soon: tonight}
                situations:
                  - id: first
                    examples:
                      - one
                      - two
                  - id: second
                    examples: [three]
                patterns: []
                calm:
                  - a calm question
                  - "another: quoted"
                """), "danger.yml", "situations", "calm");

        assertThat(doc.root().get("cues").get("soon").text()).isEqualTo("tonight");
        assertThat(doc.root().get("patterns").isList()).isTrue();
        assertThat(doc.root().get("situations").isPresent()).isFalse();
        assertThat(doc.root().get("calm").line()).isEqualTo(10);
        List<LinedYaml> situations = new java.util.ArrayList<>();
        doc.items("situations").forEach(situations::add);
        assertThat(situations).extracting(i -> i.get("id").text()).containsExactly("first", "second");
        assertThat(situations.get(0).get("examples").items()).extracting(LinedYaml::text).containsExactly("one", "two");
        assertThat(situations.get(0).get("examples").items().get(1).line()).isEqualTo(6);
        assertThat(situations.get(1).get("examples").path()).isEqualTo("situations[1].examples");
        List<LinedYaml> calm = new java.util.ArrayList<>();
        doc.items("calm").forEach(calm::add);
        assertThat(calm).extracting(LinedYaml::text).containsExactly("a calm question", "another: quoted");
        assertThat(calm).extracting(LinedYaml::line).containsExactly(11, 12);
        assertThatThrownBy(() -> doc.items("patterns")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(doc::items).isInstanceOf(IllegalStateException.class);
    }
}
